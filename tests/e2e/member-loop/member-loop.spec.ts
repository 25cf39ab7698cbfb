/**
 * The member loop in a real browser against the production build: sign-up with
 * consents, email confirmation through the mailbox, a sandbox purchase, a generation
 * watched live, the gallery (open, download, delete), the result email, the points
 * history and sign-out.
 */
import { expect, test } from "../support/test";
import { translator } from "../../../lib/i18n/messages";
import { fillSignUpForm, followMailLink, giveConsents, newEmail } from "../support/fixtures";

/** The browser asks for English, the language the member signs up in and gets mail in. */
const mail = translator({ locale: "en", namespace: "mail" });

test("a new member signs up, buys points, generates images and manages them", async ({ page }) => {
  const email = newEmail();

  await test.step("sign up: age and required consents are enforced", async () => {
    await page.goto("/signup");
    await fillSignUpForm(page, { email, name: "Lee Seoyeon" });
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "Please correct the marked fields." })).toBeVisible();
    await expect(page).toHaveURL(/\/signup$/);
    await giveConsents(page, { marketing: true });
    await page.getByRole("button", { name: "Create account" }).click();
    await page.waitForURL("**/generate");
    await expect(page.getByRole("region", { name: "Email confirmation" })).toBeVisible();
  });

  await test.step("confirm the email address from the mailbox", async () => {
    await followMailLink(page, {
      to: email,
      subject: mail("verifyEmail.subject"),
      link: mail("verifyEmail.action"),
    });
    await expect(page.getByRole("heading", { name: "Email confirmed" })).toBeVisible();
  });

  await test.step("generating without points is refused with a way to buy", async () => {
    await page.goto("/generate");
    await page.getByLabel("Prompt").fill("anything");
    await page.getByRole("button", { name: "Generate" }).click();
    await expect(page.getByRole("alert").filter({ hasText: /not enough points/i })).toBeVisible();
  });

  await test.step("buy 1,000 points through the sandbox checkout", async () => {
    await page.goto("/points");
    await page.getByRole("button", { name: "Buy 1,000 points" }).click();
    await page.waitForURL("**/checkout/sandbox/**");
    await expect(page.getByText(/no real money/i).first()).toBeVisible();
    await page.getByRole("button", { name: "Pay" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Payment complete" })).toBeVisible();
    await page.goto("/points");
    await expect(page.getByRole("region", { name: "Balance" })).toContainText("1,000 points");
  });

  let generationUrl = "";
  await test.step("generate three images and watch the progress live, without reloading", async () => {
    await page.goto("/generate");
    await page.getByLabel("Model").selectOption("local-sketch");
    await page.getByLabel("Size").selectOption("512x512");
    await page.getByLabel("Number of images").fill("3");
    await page.getByLabel("Prompt").fill("a paper boat on a rainy street");
    await expect(page.getByText(/This will use\s*30 points/)).toBeVisible();
    await page.getByRole("button", { name: "Generate" }).click();
    await page.waitForURL("**/generations/**");
    generationUrl = page.url();

    let navigations = 0;
    page.on("framenavigated", (frame) => {
      if (frame === page.mainFrame()) navigations++;
    });
    const progress = page.getByRole("progressbar", { name: "Images finished" });
    // The worker takes ~0.6 s per image, so an in-between state is seen on the way.
    await expect(progress).toHaveAttribute("aria-valuenow", /^[12]$/);
    await expect(progress).toHaveAttribute("aria-valuenow", "3");
    await expect(page.getByRole("status").filter({ hasText: "3 of 3 images made" })).toBeVisible();
    await expect(page.getByRole("img", { name: /^Image \d: a paper boat/ })).toHaveCount(3);
    expect(navigations).toBe(0);

    await expect(page.getByText("Points charged").locator("..")).toContainText("30 points");
    const download = page.waitForEvent("download");
    await page.getByRole("link", { name: /Download all/ }).click();
    expect((await download).suggestedFilename()).toMatch(/\.zip$/);
  });

  await test.step("the gallery shows each image's deletion date; open, download and delete", async () => {
    await page.getByRole("link", { name: "Gallery" }).click();
    const cards = page.getByRole("article");
    await expect(cards).toHaveCount(3);
    const deletedOn = new Intl.DateTimeFormat("en-US", { dateStyle: "medium" }).format(
      new Date(Date.now() + 90 * 86_400_000),
    );
    await expect(cards.first()).toContainText(`Deleted on ${deletedOn}`);

    const openHref = await cards.first().getByRole("link", { name: "Open" }).getAttribute("href");
    const image = await page.request.get(openHref!);
    expect(image.status()).toBe(200);
    expect(image.headers()["content-type"]).toBe("image/png");

    const download = page.waitForEvent("download");
    await cards.first().getByRole("link", { name: "Download" }).click();
    expect((await download).suggestedFilename()).toMatch(/\.png$/);

    page.once("dialog", (dialog) => void dialog.accept());
    await cards.first().getByRole("button", { name: "Delete" }).click();
    await expect(cards).toHaveCount(2);
    expect((await page.request.get(openHref!)).status()).toBe(404);
    await page.reload();
    await expect(page.getByRole("article")).toHaveCount(2);
  });

  await test.step("the result email arrived in the member's mailbox and links to the job", async () => {
    await followMailLink(page, {
      to: email,
      subject: mail("generationResult.subject", { made: 3 }),
      link: mail("generationResult.action", { made: 3 }),
    });
    await expect(page).toHaveURL(generationUrl);
    await expect(page.getByRole("img", { name: /^Image \d/ })).toHaveCount(2);
  });

  await test.step("every points movement is listed", async () => {
    await page.getByRole("link", { name: "Points" }).click();
    await expect(page.getByRole("region", { name: "Balance" })).toContainText("970 points");
    const rows = page.getByRole("table").getByRole("row");
    await expect(rows).toHaveCount(3);
    await expect(rows.nth(1)).toContainText("-30");
    await expect(rows.nth(2)).toContainText("+1,000");
  });

  await test.step("sign out ends the session", async () => {
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.waitForURL((url) => url.pathname === "/");
    await page.goto("/points");
    await page.waitForURL("**/signin**");
    expect((await page.request.get("/api/me")).status()).toBe(401);
  });
});
