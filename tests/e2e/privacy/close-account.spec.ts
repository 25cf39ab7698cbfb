/**
 * 회원 탈퇴 in each language, on a 390 px phone: the page says what happens and how many
 * points lapse, asks for the password again and an explicit confirmation, then closes
 * the account and signs out; the same address and password no longer sign in.
 */
import { LOCALES } from "../../../lib/i18n/locales";
import { translator } from "../../../lib/i18n/messages";
import { buyThousandPoints, newEmail, PASSWORD, signIn, signUp } from "../support/fixtures";
import { expectFitsPhone, PHONE } from "../support/phone-layout";
import { expect, test } from "../support/test";

test.use({ viewport: PHONE });

for (const locale of LOCALES) {
  test.describe(locale, () => {
    test.use({ locale });
    const t = translator({ locale, namespace: "account" });

    test("closes the account after the password and the confirmation, and signs out", async ({ page }) => {
      const email = newEmail();
      await signUp(page, email, locale);
      await buyThousandPoints(page, locale);

      await page.goto(`/${locale}/account/close`);
      await expect(page.getByRole("heading", { level: 1, name: t("closeAccount.heading") })).toBeVisible();
      await expect(page.getByText(t("closeAccount.pointsLapse", { points: 1000 }))).toBeVisible();
      await expectFitsPhone(page, `close account (${locale})`);

      const submit = page.getByRole("button", { name: t("closeAccount.submit"), exact: true });
      await submit.click();
      await expect(page.getByText(t("closeAccount.passwordRequired"))).toBeVisible();
      await expect(page.getByText(t("closeAccount.understandRequired"))).toBeVisible();

      await page.getByLabel(t("closeAccount.password"), { exact: true }).fill(PASSWORD);
      await page.getByLabel(t("closeAccount.understand")).check();
      await submit.click();

      const done = page.getByRole("status").filter({ hasText: t("closeAccount.doneHeading") });
      await expect(done).toBeVisible();
      await expect(done).toContainText(t("closeAccount.done", { points: 1000 }));
      await expectFitsPhone(page, `account closed (${locale})`);
      expect((await page.request.get("/api/me")).status()).toBe(401);

      await page.goto(`/${locale}/signin`);
      await signIn(page, { email });
      await expect(page.getByRole("alert").filter({ hasText: t("authErrors.wrongCredentials") })).toBeVisible();
      await expect(page).toHaveURL(new RegExp(`/${locale}/signin`));
    });
  });
}
