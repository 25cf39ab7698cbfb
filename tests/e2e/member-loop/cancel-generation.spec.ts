import { expect, test } from "../support/test";
import { buyThousandPoints, newEmail, signUp } from "../support/fixtures";
import { DEFAULT_LOCALE } from "../../../lib/i18n/locales";
import { translator } from "../../../lib/i18n/messages";

test("a member stops a running generation: the images made are kept and charged, the rest comes back", async ({
  page,
}) => {
  const locale = DEFAULT_LOCALE;
  const member = translator({ locale, namespace: "member" });
  const generate = translator({ locale, namespace: "generate" });
  const points = translator({ locale, namespace: "points" });
  const common = translator({ locale, namespace: "common" });
  await signUp(page, newEmail(), locale);
  await buyThousandPoints(page, locale);

  await page.goto(`/${locale}/generate`);
  await page.getByLabel(generate("form.model")).selectOption("local-sketch");
  await page.getByLabel(generate("form.size")).selectOption("512x512");
  await page.getByLabel(generate("form.count")).fill("4");
  await page.getByLabel(generate("form.prompt")).fill("우산이 길게 늘어선 줄");
  await page.getByRole("button", { name: generate("form.submit") }).click();
  await page.waitForURL(`**/${locale}/generations/**`);

  const progress = page.getByRole("progressbar", { name: generate("progress.barLabel") });
  await expect(progress).toHaveAttribute("aria-valuenow", "1");
  page.once("dialog", (dialog) => {
    expect(dialog.message()).toBe(generate("cancel.confirm"));
    void dialog.accept();
  });
  await page.getByRole("button", { name: generate("cancel.stop") }).click();
  // What was charged shows once the job has closed: only then is the count of images final.
  const charged = page.getByText(generate("progress.charged"), { exact: true }).locator("..");
  await expect(charged).toBeVisible();
  await expect(page.getByRole("button", { name: generate("cancel.stopping") })).toHaveCount(0);
  const made = Number(await progress.getAttribute("aria-valuenow"));
  expect(made).toBeGreaterThanOrEqual(1);
  expect(made).toBeLessThan(4);
  const stopped = generate("progress.summary", {
    status: generate("progress.status.stopped"),
    done: made,
    count: 4,
    failed: 0,
  });
  await expect(page.getByRole("status").filter({ hasText: stopped })).toBeVisible();
  await expect(charged).toContainText(member("points", { count: made * 10 }));

  await page.getByRole("link", { name: common("nav.points"), exact: true }).click();
  await expect(page.getByRole("region", { name: points("balanceHeading") })).toContainText(
    member("points", { count: 1000 - made * 10 }),
  );
});
