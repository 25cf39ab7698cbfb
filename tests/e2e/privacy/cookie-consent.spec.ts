/**
 * Nothing but necessary storage before consent (issue 9, "Consent and cookies"): a new
 * visitor's browser holds no cookie, local or session storage or IndexedDB database
 * after the public pages and the sign-in and sign-up pages load (the Firebase SDK
 * keeps its state in memory), and the banner's choice is kept in the one necessary
 * cookie, which holds only the choice, and can be changed from the footer.
 */
import AxeBuilder from "@axe-core/playwright";
import type { BrowserContext, Page } from "@playwright/test";
import { LOCALES } from "../../../lib/i18n/locales";
import { translator } from "../../../lib/i18n/messages";
import { BROWSER_STORAGE, COOKIE_CATEGORY_TEXTS, COOKIE_CONSENT_COOKIE } from "../../../lib/privacy/cookie-consent";
import { newEmail, signUp } from "../support/fixtures";
import { expect, test } from "../support/test";

const NECESSARY_COOKIES = new Set(
  BROWSER_STORAGE.filter((entry) => entry.kind === "cookie" && entry.category === "necessary").map(
    (entry) => entry.name,
  ),
);

interface BrowserStorage {
  cookies: string[];
  localStorage: string[];
  sessionStorage: string[];
  indexedDB: string[];
}

async function storageOf(page: Page, context: BrowserContext): Promise<BrowserStorage> {
  const inPage = await page.evaluate(async () => ({
    localStorage: Object.keys(window.localStorage),
    sessionStorage: Object.keys(window.sessionStorage),
    indexedDB: (await indexedDB.databases()).map((database) => database.name ?? "?"),
  }));
  return { cookies: (await context.cookies()).map((cookie) => cookie.name), ...inPage };
}

for (const locale of LOCALES) {
  test.describe(`in ${locale}`, () => {
    const t = translator({ locale, namespace: "privacy" });
    const legal = translator({ locale, namespace: "legal" });

    test("a new visitor's browser holds nothing before consent, on every public page", async ({ page, context }) => {
      for (const path of ["", "/signin", "/signup", "/privacy", "/terms", "/notices", "/cookies", "/refund-policy"]) {
        await page.goto(`/${locale}${path}`);
        await page.waitForLoadState("networkidle");
        expect(await storageOf(page, context), path).toEqual({
          cookies: [],
          localStorage: [],
          sessionStorage: [],
          indexedDB: [],
        });
      }
    });

    test("the banner asks with optional categories unticked, and keeps the choice in one necessary cookie", async ({
      page,
      context,
    }) => {
      await page.goto(`/${locale}`);
      const banner = page.getByRole("region", { name: t("cookieBanner.heading"), exact: true });
      await expect(banner).toBeVisible();
      // The categories are a tap away, behind the two equal answers.
      await expect(banner.getByRole("checkbox", { name: COOKIE_CATEGORY_TEXTS.functional[locale] })).toBeHidden();
      await banner.getByText(t("cookieBanner.choose"), { exact: true }).click();
      await expect(banner.getByRole("checkbox", { name: COOKIE_CATEGORY_TEXTS.necessary[locale] })).toBeChecked();
      await expect(banner.getByRole("checkbox", { name: COOKIE_CATEGORY_TEXTS.functional[locale] })).not.toBeChecked();
      await expect(banner.getByRole("checkbox", { name: COOKIE_CATEGORY_TEXTS.performance[locale] })).not.toBeChecked();

      await banner.getByRole("checkbox", { name: COOKIE_CATEGORY_TEXTS.functional[locale] }).check();
      await banner.getByRole("button", { name: t("cookieBanner.save") }).click();
      await expect(banner).toBeHidden();
      const cookies = await context.cookies();
      expect(cookies.map(({ name, value, httpOnly }) => ({ name, value, httpOnly }))).toEqual([
        { name: COOKIE_CONSENT_COOKIE, value: "f1.p0", httpOnly: true },
      ]);
      expect(cookies.every((cookie) => NECESSARY_COOKIES.has(cookie.name))).toBe(true);

      // Kept: the next page has no banner, and the settings page (linked from the footer) shows the choice.
      await page.goto(`/${locale}/privacy`);
      await expect(page.getByRole("region", { name: t("cookieBanner.heading"), exact: true })).toHaveCount(0);
      await page
        .getByRole("contentinfo")
        .getByRole("link", { name: legal("footer.cookieSettings") })
        .click();
      await expect(page.getByRole("heading", { level: 1, name: t("cookieSettings.title") })).toBeVisible();
      await expect(
        page.getByText(
          t("cookieSettings.current", {
            functional: t("cookieSettings.allowed"),
            performance: t("cookieSettings.refused"),
          }),
        ),
      ).toBeVisible();
      await expect(page.getByRole("checkbox", { name: COOKIE_CATEGORY_TEXTS.functional[locale] })).toBeChecked();

      // Changed from the settings page: refused all but the necessary.
      await page.getByRole("button", { name: t("cookieBanner.necessaryOnly") }).click();
      await expect(page.getByRole("status").filter({ hasText: t("cookieBanner.saved") })).toBeVisible();
      expect((await context.cookies()).map(({ name, value }) => ({ name, value }))).toEqual([
        { name: COOKIE_CONSENT_COOKIE, value: "f0.p0" },
      ]);
      await page.reload();
      await expect(page.getByRole("checkbox", { name: COOKIE_CATEGORY_TEXTS.functional[locale] })).not.toBeChecked();
    });

    test("the banner, the cookie settings and the notices pass axe and fit a 390 px phone", async ({ page }) => {
      await page.setViewportSize({ width: 390, height: 844 });
      for (const path of ["", "/cookies", "/notices"]) {
        await page.goto(`/${locale}${path}`);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow, path).toBeLessThanOrEqual(0);
        const { violations } = await new AxeBuilder({ page }).analyze();
        expect(violations.map((violation) => `${path}: ${violation.id} (${violation.nodes.length})`)).toEqual([]);
      }

      // The banner leaves the first screen to the page: at most a third of it (it took 451 px in Korean, 590 in English).
      await page.goto(`/${locale}`);
      const banner = page.getByRole("region", { name: t("cookieBanner.heading"), exact: true });
      expect((await banner.boundingBox())!.height).toBeLessThanOrEqual(844 / 3);
      await banner.getByText(t("cookieBanner.choose"), { exact: true }).click();
      await expect(banner.getByRole("button", { name: t("cookieBanner.save") })).toBeVisible();
      const opened = await new AxeBuilder({ page }).include(".cookie-banner").analyze();
      expect(opened.violations.map((violation) => violation.id)).toEqual([]);
    });
  });
}

test("a member's storage after signing up is the session cookie alone (the Firebase SDK's heartbeat database is switched off)", async ({
  page,
  context,
}) => {
  await signUp(page, newEmail());
  const storage = await storageOf(page, context);
  expect(
    storage.cookies.every((name) => NECESSARY_COOKIES.has(name)),
    storage.cookies.join(),
  ).toBe(true);
  expect(storage).toMatchObject({ localStorage: [], sessionStorage: [], indexedDB: [] });
});
