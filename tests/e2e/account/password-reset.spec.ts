import { expect, test } from "../support/test";
import { accountText, followMailLinkTo, newEmail, pageLocale, signIn, signUp } from "../support/fixtures";
import { LOCALES } from "../../../lib/i18n/locales";
import { translator } from "../../../lib/i18n/messages";

for (const locale of LOCALES) {
  test.describe(locale, () => {
    test.use({ locale });

    test("a member who forgot the password resets it from the mailed link and signs in with the new one", async ({
      page,
    }) => {
      const email = newEmail();
      await signUp(page, email, locale);
      await page.getByRole("button", { name: translator({ locale, namespace: "member" })("header.signOut") }).click();
      await page.waitForURL((url) => url.searchParams.has("signedOut"));

      await page.goto(`/${locale}/reset-password`);
      const t = accountText(page);
      await page.getByLabel(t("fields.email"), { exact: true }).fill(email);
      await page.getByRole("button", { name: t("reset.submit") }).click();
      await expect(page.getByText(t("reset.sent", { email }))).toBeVisible();

      await followMailLinkTo(page, { to: email, href: /\/auth\/action\?mode=resetPassword&/ });
      // The mail decides the link's language; the page is read in whichever it opened in.
      const linkText = accountText(page);
      await page.getByLabel(linkText("fields.newPassword"), { exact: true }).fill("a whole new passphrase");
      await page.getByRole("button", { name: linkText("action.reset.submit") }).click();
      await expect(page.getByRole("heading", { name: linkText("action.reset.doneHeading") })).toBeVisible();

      await page.goto(`/${pageLocale(page)}/signin`);
      await signIn(page, { email, password: "a whole new passphrase" });
      await page.waitForURL("**/generate");
    });
  });
}
