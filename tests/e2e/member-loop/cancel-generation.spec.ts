import { expect, test } from "../support/test";
import { buyThousandPoints, newEmail, signUp } from "../support/fixtures";

test("a member stops a running generation: the images made are kept and charged, the rest comes back", async ({
  page,
}) => {
  await signUp(page, newEmail());
  await buyThousandPoints(page);

  await page.goto("/generate");
  await page.getByLabel("Model").selectOption("local-sketch");
  await page.getByLabel("Size").selectOption("512x512");
  await page.getByLabel("Number of images").fill("4");
  await page.getByLabel("Prompt").fill("a long queue of umbrellas");
  await page.getByRole("button", { name: "Generate" }).click();
  await page.waitForURL("**/generations/**");

  await expect(page.getByRole("progressbar", { name: "Images finished" })).toHaveAttribute("aria-valuenow", "1");
  page.once("dialog", (dialog) => void dialog.accept());
  await page.getByRole("button", { name: "Stop generating" }).click();
  const status = page.getByRole("status").filter({ hasText: /of 4 images made/ });
  await expect(status).toContainText("Stopped");
  const made = Number(/(\d) of 4 images made/.exec((await status.textContent()) ?? "")?.[1]);
  expect(made).toBeGreaterThanOrEqual(1);
  expect(made).toBeLessThan(4);
  await expect(page.getByText("Points charged").locator("..")).toContainText(`${made * 10} points`);
  await expect(page.getByRole("button", { name: "Stop generating" })).toHaveCount(0);

  await page.getByRole("link", { name: "Points" }).click();
  await expect(page.getByRole("region", { name: "Balance" })).toContainText(`${1000 - made * 10} points`);
});
