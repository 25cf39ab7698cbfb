/**
 * What a Korean online shop must show, in both languages: the business details and the
 * three policies in the footer of public and member pages, and the terms at the exact
 * version a sign-up consent links to.
 */
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { getPublicConfig, loadEnvFile, parseServerConfig } from "../../../lib/config/env";
import { LOCALES, type Locale } from "../../../lib/i18n/locales";
import { translator } from "../../../lib/i18n/messages";
import { businessLookupUrl } from "../../../lib/legal/business-details";
import { currentVersion, findVersion } from "../../../lib/legal/legal-document";
import { REFUND_POLICY } from "../../../lib/legal/refund-policy";
import { TERMS } from "../../../lib/legal/terms";
import { consentDocumentPaths, consentVersion } from "../../../lib/accounts/consent-version";
import { expect, test } from "../support/test";

// The stack reads the same files and environment (scripts/local-stack.ts).
loadEnvFile();
const business = getPublicConfig(parseServerConfig(process.env)).business;

async function expectLegalFooter(page: Page, locale: Locale): Promise<void> {
  const t = translator({ locale, namespace: "legal" });
  const footer = page.getByRole("contentinfo");
  await expect(footer.getByText(business.registrationNumber)).toBeVisible();
  await expect(footer.getByText(t("footer.registrationNumber"), { exact: true })).toBeVisible();
  await expect(footer.getByText(t("footer.mailOrderReportNumber"), { exact: true })).toBeVisible();
  await expect(footer.getByText(business.mailOrderReportNumber)).toBeVisible();
  await expect(footer.getByRole("link", { name: t("footer.verifyBusiness") })).toHaveAttribute(
    "href",
    businessLookupUrl(business.registrationNumber),
  );
  const policies = footer.getByRole("navigation", { name: t("footer.policies") });
  for (const [key, path] of [
    ["footer.terms", "/terms"],
    ["footer.privacy", "/privacy"],
    ["footer.refundPolicy", "/refund-policy"],
  ] as const) {
    await expect(policies.getByRole("link", { name: t(key), exact: true })).toHaveAttribute(
      "href",
      `/${locale}${path}`,
    );
  }
}

for (const locale of LOCALES) {
  test.describe(`in ${locale}`, () => {
    const t = translator({ locale, namespace: "legal" });

    test("the landing page's footer shows the business details and links to the three policies", async ({ page }) => {
      await page.goto(`/${locale}`);
      await expectLegalFooter(page, locale);
      await page
        .getByRole("contentinfo")
        .getByRole("link", { name: t("footer.terms"), exact: true })
        .click();
      await expect(
        page.getByRole("heading", { level: 1, name: currentVersion(TERMS).text[locale].title }),
      ).toBeVisible();
    });

    test("a member page sends a signed-out visitor to sign in, whose footer shows the same", async ({ page }) => {
      await page.goto(`/${locale}/generate`);
      await page.waitForURL((url) => url.pathname === `/${locale}/signin`);
      await expectLegalFooter(page, locale);
    });

    test("the terms a sign-up consent links to render at exactly that version", async ({ page }) => {
      const version = findVersion(TERMS, consentVersion("terms", new Date()));
      expect(version).toBeDefined();
      const response = await page.goto(`/${locale}${consentDocumentPaths(new Date()).terms}`);
      expect(response?.status()).toBe(200);
      const text = version!.text[locale];
      await expect(page.getByRole("heading", { level: 1, name: text.title })).toBeVisible();
      const date = new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: "Asia/Seoul" }).format(
        new Date(`${version!.effectiveDate}T00:00:00+09:00`),
      );
      await expect(page.getByText(t("document.meta", { version: version!.version, date }))).toBeVisible();
      for (const article of text.articles) {
        await expect(page.getByRole("heading", { level: 2, name: article.title, exact: true })).toBeVisible();
      }
      // The deployment's support address fills the text's placeholder.
      await expect(page.getByText(business.email).first()).toBeVisible();
      if (locale !== "ko") {
        await expect(page.getByRole("link", { name: t("document.readOriginal") })).toHaveAttribute(
          "href",
          `/ko${consentDocumentPaths(new Date()).terms}`,
        );
      }
    });

    test("every announced change of the terms is on the notices page, and leads to its full text", async ({ page }) => {
      const privacy = translator({ locale, namespace: "privacy" });
      await page.goto(`/${locale}/notices`);
      const terms = page.getByRole("region", { name: privacy("notices.termsHeading") });
      const announced = TERMS.versions.filter((version) => version.announcedOn !== undefined);
      expect(announced.length).toBeGreaterThan(0);
      await expect(terms.getByRole("listitem")).toHaveCount(announced.length);
      const change = announced[0]!;
      await terms
        .getByRole("link", { name: privacy("notices.readTerms") })
        .first()
        .click();
      await page.waitForURL(`**/${locale}/terms/${change.version}`);
      await expect(page.getByRole("heading", { level: 1, name: change.text[locale].title })).toBeVisible();
      const service = change.text[locale].articles.find((article) => article.id === "service")!;
      await expect(page.getByText(service.blocks.at(-1) as string)).toBeVisible();
    });

    test("an unknown version of the terms is not found", async ({ page }) => {
      const response = await page.goto(`/${locale}/terms/terms-1999-01-01`);
      expect(response?.status()).toBe(404);
    });

    test("the refund policy and the privacy policy render in the page's language", async ({ page }) => {
      await page.goto(`/${locale}/refund-policy`);
      await expect(
        page.getByRole("heading", { level: 1, name: currentVersion(REFUND_POLICY).text[locale].title }),
      ).toBeVisible();
      await page.goto(`/${locale}/privacy`);
      const privacy = translator({ locale, namespace: "privacy" });
      await expect(page.getByRole("heading", { level: 1, name: privacy("title") })).toBeVisible();
      await expect(page.getByRole("heading", { level: 2, name: privacy("officer.heading") })).toBeVisible();
      await expect(page.getByRole("main").getByText(business.privacyOfficer.name)).toBeVisible();
    });

    test("the legal pages and their footer fit a 390 px phone without sideways scrolling", async ({ page }) => {
      await page.setViewportSize({ width: 390, height: 844 });
      for (const path of ["/terms", "/refund-policy", "/privacy"]) {
        await page.goto(`/${locale}${path}`);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow, path).toBeLessThanOrEqual(0);
      }
    });

    for (const colorScheme of ["light", "dark"] as const) {
      test(`the legal pages pass axe in ${colorScheme} mode`, async ({ page }) => {
        await page.emulateMedia({ colorScheme });
        for (const path of ["/terms", consentDocumentPaths(new Date()).terms, "/refund-policy", "/privacy"]) {
          await page.goto(`/${locale}${path}`);
          const { violations } = await new AxeBuilder({ page }).analyze();
          expect(violations.map((violation) => `${path}: ${violation.id} (${violation.nodes.length})`)).toEqual([]);
        }
      });
    }
  });
}
