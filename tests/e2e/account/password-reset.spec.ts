import { expect, test } from "../support/test";
import { translator } from "../../../lib/i18n/messages";
import { followMailLink, newEmail, signUp } from "../support/fixtures";

/** The browser asks for English, the language the member signs up in and gets mail in. */
const mail = translator({ locale: "en", namespace: "mail" });

test("a member who forgot the password resets it from the mailed link and signs in with the new one", async ({
  page,
}) => {
  const email = newEmail();
  await signUp(page, email);
  await page.getByRole("button", { name: "Sign out" }).click();
  await page.waitForURL((url) => url.pathname === "/");

  await page.goto("/reset-password");
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByRole("button", { name: /send/i }).click();
  await expect(page.getByText(/If an account exists/i)).toBeVisible();

  await followMailLink(page, {
    to: email,
    subject: mail("passwordReset.subject"),
    link: mail("passwordReset.action"),
  });
  await page.getByLabel("New password", { exact: true }).fill("a whole new passphrase");
  await page.getByRole("button", { name: /change password|save|set/i }).click();
  await expect(page.getByRole("heading", { name: "Password changed" })).toBeVisible();

  await page.goto("/signin");
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByLabel("Password", { exact: true }).fill("a whole new passphrase");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await page.waitForURL("**/generate");
});

test("sign-up is refused without the age confirmation and stores no member", async ({ page }) => {
  await page.goto("/signup");
  await page.getByLabel("Email", { exact: true }).fill(newEmail());
  await page.getByLabel("Password", { exact: true }).fill("correct horse battery staple");
  await page.getByLabel("Name", { exact: true }).fill("Too Young");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText(/14 or older/).first()).toBeVisible();
  await expect(page).toHaveURL(/\/signup$/);
  expect((await page.request.get("/api/me")).status()).toBe(401);
});
