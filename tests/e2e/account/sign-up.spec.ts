/** Sign-up in each language: the consents, "agree to all", live validation, the show-password toggle, under-14s refused. */
import { expect, test } from "../support/test";
import { accountText, fillSignUpForm, giveConsents, newEmail } from "../support/fixtures";
import { LOCALES } from "../../../lib/i18n/locales";
import { consentDocumentPaths } from "../../../lib/accounts/consent-version";
import { CONSENT_TEXTS, MINIMUM_AGE } from "../../../lib/privacy/policy-versions";

for (const locale of LOCALES) {
  test.describe(locale, () => {
    test.use({ locale });

    test("agree to all ticks every box, marketing too; unticking one unticks it; each consent is recorded on its own", async ({
      page,
    }) => {
      await page.goto(`/${locale}/signup`);
      const t = accountText(page);
      const all = page.getByLabel(t("consents.agreeAll"), { exact: true });
      const age = page.getByLabel(t("consents.age", { age: MINIMUM_AGE }), { exact: true });
      const boxes = [age, ...Object.values(CONSENT_TEXTS).map((text) => page.getByLabel(text.wording[locale]))];

      await all.check();
      for (const box of boxes) await expect(box).toBeChecked();

      const marketing = page.getByLabel(CONSENT_TEXTS.marketing.wording[locale]);
      await marketing.uncheck();
      await expect(all).not.toBeChecked();
      await expect(age).toBeChecked();
      await expect(page.getByLabel(CONSENT_TEXTS.terms.wording[locale])).toBeChecked();

      await fillSignUpForm(page, { email: newEmail(), name: "Agree All" });
      await page.getByRole("button", { name: t("signUp.submit") }).click();
      await page.waitForURL(`**/${locale}/generate`);
      const me = (await (await page.request.get("/api/me")).json()) as { marketingOptIn: boolean };
      expect(me.marketingOptIn).toBe(false);
    });

    test("each required consent links to the exact version it agrees to, in a new tab", async ({ page }) => {
      await page.goto(`/${locale}/signup`);
      const t = accountText(page);
      for (const purpose of ["terms", "privacy"] as const) {
        const link = page.getByRole("link", { name: t(`consents.read.${purpose}`) });
        await expect(link).toHaveAttribute("href", `/${locale}${consentDocumentPaths(new Date())[purpose]}`);
        await expect(link).toHaveAttribute("target", "_blank");
      }
    });

    test("a validation message disappears as soon as its field is fixed", async ({ page }) => {
      await page.goto(`/${locale}/signup`);
      const t = accountText(page);
      const summary = page.getByRole("alert").filter({ hasText: t("validation.correctMarked") });
      const emailError = page.getByText(t("validation.emailRequired"), { exact: true });
      const nameError = page.getByText(t("validation.nameRequired"), { exact: true });
      const passwordError = page.getByText(t("validation.passwordTooShort", { min: 8 }), { exact: true });
      const passwordHint = page.getByText(t("fields.passwordHint", { min: 8 }), { exact: true });
      await expect(passwordHint).toBeVisible();

      await page.getByRole("button", { name: t("signUp.submit") }).click();
      await expect(summary).toBeVisible();
      await expect(emailError).toBeVisible();
      await expect(nameError).toBeVisible();
      // The error takes the hint's place: one sentence about the password, not two.
      await expect(passwordError).toBeVisible();
      await expect(passwordHint).toHaveCount(0);

      await page.getByLabel(t("fields.email"), { exact: true }).fill(newEmail());
      await expect(emailError).toHaveCount(0);
      await expect(nameError).toBeVisible();

      const password = page.getByLabel(t("fields.password"), { exact: true });
      await password.fill("short");
      await expect(passwordError).toBeVisible();
      await password.fill("long enough now");
      await expect(passwordError).toHaveCount(0);
      await expect(passwordHint).toBeVisible();

      await page.getByLabel(t("fields.name"), { exact: true }).fill("Fixed It");
      await page.getByLabel(t("consents.agreeAll"), { exact: true }).check();
      await expect(page.getByText(t("consents.required"))).toHaveCount(0);
      await expect(summary).toHaveCount(0);
    });

    test("the password can be shown and hidden again", async ({ page }) => {
      await page.goto(`/${locale}/signup`);
      const t = accountText(page);
      const password = page.getByLabel(t("fields.password"), { exact: true });
      const toggle = page.getByRole("button", { name: t("fields.showPassword") });
      await password.fill("a secret phrase");
      await expect(toggle).toHaveAttribute("aria-pressed", "false");
      await expect(toggle).toHaveAttribute("aria-controls", (await password.getAttribute("id"))!);

      await toggle.click();
      await expect(toggle).toHaveAttribute("aria-pressed", "true");
      await expect(password).toHaveAttribute("type", "text");
      await expect(password).toHaveValue("a secret phrase");

      await toggle.click();
      await expect(password).toHaveAttribute("type", "password");
    });

    test("sign-up is refused without the age confirmation and stores no member", async ({ page }) => {
      await page.goto(`/${locale}/signup`);
      const t = accountText(page);
      await fillSignUpForm(page, { email: newEmail(), name: "Too Young" });
      await page.getByLabel(CONSENT_TEXTS.terms.wording[locale], { exact: true }).check();
      await page.getByLabel(CONSENT_TEXTS.privacy.wording[locale], { exact: true }).check();
      await page.getByRole("button", { name: t("signUp.submit") }).click();
      await expect(page.getByText(t("consents.ageRequired", { age: MINIMUM_AGE }))).toBeVisible();
      await expect(page).toHaveURL(new RegExp(`/${locale}/signup$`));
      expect((await page.request.get("/api/me")).status()).toBe(401);

      // Ticking it lets the same form through.
      await giveConsents(page, { marketing: false });
      await page.getByRole("button", { name: t("signUp.submit") }).click();
      await page.waitForURL(`**/${locale}/generate`);
    });
  });
}
