/**
 * Signing in and out in each language: a member page sends a signed-out visitor to
 * sign in and says why, signing in goes back there in the member's language, the
 * front page knows a signed-in member, and signing out says it worked.
 */
import type { Page } from "@playwright/test";
import { expect, test } from "../support/test";
import { accountText, newEmail, pageLocale, signIn, signUp } from "../support/fixtures";
import { isLocale, LOCALES, type Locale } from "../../../lib/i18n/locales";
import { translator } from "../../../lib/i18n/messages";

async function signOut(page: Page): Promise<void> {
  await page
    .getByRole("button", { name: translator({ locale: pageLocale(page), namespace: "member" })("header.signOut") })
    .click();
}

for (const locale of LOCALES) {
  test.describe(locale, () => {
    test.use({ locale });
    const common = translator({ locale, namespace: "common" });
    const landing = translator({ locale, namespace: "landing" });

    test("the front page greets a signed-in member; signing out says so", async ({ page }) => {
      await signUp(page, newEmail(), locale);
      await page.goto(`/${locale}`);
      const header = page.getByRole("banner");
      const main = page.getByRole("main");
      await expect(main.getByRole("link", { name: landing("member.generate") })).toBeVisible();
      await expect(page.getByText(landing("member.welcome", { name: "E2E Member" }))).toBeVisible();
      await expect(header).toContainText(accountText(page)("header.points", { count: 0 }));
      await expect(main.getByRole("link", { name: landing("hero.signUp") })).toHaveCount(0);
      await expect(header.getByRole("link", { name: common("nav.signUp") })).toHaveCount(0);

      await page.goto(`/${locale}/generate`);
      await signOut(page);
      await page.waitForURL((url) => url.pathname === `/${locale}` && url.searchParams.has("signedOut"));
      await expect(page.getByRole("status").filter({ hasText: landing("signedOut") })).toBeVisible();
      await expect(main.getByRole("link", { name: landing("hero.signUp") })).toBeVisible();
      await expect(header.getByRole("link", { name: common("nav.signIn") })).toBeVisible();
    });

    test("a member page asks a signed-out visitor to sign in, says why, and goes there afterwards", async ({
      page,
    }) => {
      const email = newEmail();
      await signUp(page, email, locale);
      await signOut(page);
      await page.waitForURL((url) => url.searchParams.has("signedOut"));

      await page.goto(`/${locale}/gallery`);
      await page.waitForURL(
        (url) => url.pathname === `/${locale}/signin` && url.searchParams.get("next") === "/gallery",
      );
      const t = accountText(page);
      await expect(page.getByText(t("signIn.continueTo", { page: "gallery" }))).toBeVisible();

      await signIn(page, { email });
      await page.waitForURL((url) => url.pathname.endsWith("/gallery"));
      // The member's own language when the API knows it, else the page's.
      const me = (await (await page.request.get("/api/me")).json()) as { locale?: unknown };
      const expected: Locale = isLocale(me.locale) ? me.locale : locale;
      expect(new URL(page.url()).pathname).toBe(`/${expected}/gallery`);
    });

    test("a wrong password is refused in the page's language", async ({ page }) => {
      const email = newEmail();
      await signUp(page, email, locale);
      await signOut(page);
      await page.waitForURL((url) => url.searchParams.has("signedOut"));

      await page.goto(`/${locale}/signin`);
      await signIn(page, { email, password: "not the password at all" });
      const t = accountText(page);
      await expect(page.getByRole("alert").filter({ hasText: t("authErrors.wrongCredentials") })).toBeVisible();
      await expect(page).toHaveURL(new RegExp(`/${locale}/signin$`));
    });
  });
}
