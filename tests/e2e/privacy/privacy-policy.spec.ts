/**
 * The rendered privacy policy says everything the inventory declares, in both
 * languages (issue 9, "The policy itself"): every kind and field, every processor with
 * its transfer abroad, every retention rule and the law table. It fails when the page
 * leaves any out.
 */
import AxeBuilder from "@axe-core/playwright";
import { getPublicConfig, loadEnvFile, parseServerConfig } from "../../../lib/config/env";
import { LOCALES } from "../../../lib/i18n/locales";
import { DATA_INVENTORY } from "../../../lib/privacy/data-inventory";
import { PRIVACY_POLICY_VERSIONS } from "../../../lib/privacy/policy-versions";
import { buildPrivacyPolicy, RETENTION_LAWS } from "../../../lib/privacy/privacy-policy";
import { PROCESSORS } from "../../../lib/privacy/processors";
import { expect, test } from "../support/test";

loadEnvFile();
const business = getPublicConfig(parseServerConfig(process.env)).business;
const squash = (text: string) => text.replace(/\s+/g, " ").trim();

for (const locale of LOCALES) {
  test.describe(`in ${locale}`, () => {
    test("the page names every inventory kind, field, processor, transfer abroad and retention rule", async ({
      page,
    }) => {
      await page.goto(`/${locale}/privacy`);
      const text = squash(await page.getByRole("main").innerText());
      const missing: string[] = [];
      const expectText = (what: string, value: string) => {
        if (!text.includes(squash(value))) missing.push(`${what}: ${value}`);
      };
      for (const kind of DATA_INVENTORY) {
        expectText(`${kind.id} title`, kind.title[locale]);
        for (const [field, description] of Object.entries(kind.fields))
          expectText(`${kind.id}.${field}`, description[locale]);
        expectText(`${kind.id} purpose`, kind.purpose[locale]);
        if ("from" in kind.retention) expectText(`${kind.id} retention`, kind.retention.from[locale]);
        for (const processor of kind.processors) expectText(`${kind.id} processor`, PROCESSORS[processor].name);
      }
      for (const processor of Object.values(PROCESSORS)) {
        expectText(`${processor.id} items`, processor.items[locale]);
        expectText(`${processor.id} keeps`, processor.keeps[locale]);
        if (processor.overseas) {
          expectText(`${processor.id} country`, processor.overseas.country[locale]);
          expectText(`${processor.id} timing`, processor.overseas.timing[locale]);
          expectText(`${processor.id} contact`, processor.overseas.contact);
        }
      }
      for (const rule of RETENTION_LAWS) expectText("law", rule.record[locale]);
      for (const version of PRIVACY_POLICY_VERSIONS) expectText("version", version.version);
      expectText("officer", business.privacyOfficer.name);
      expect(missing).toEqual([]);

      // Every article of the document is a heading, in order.
      const document = buildPrivacyPolicy({ locale, business, now: new Date() });
      const headings = await page.getByRole("heading", { level: 2 }).allInnerTexts();
      expect(headings.map(squash)).toEqual(
        expect.arrayContaining(document.sections.map((section) => squash(section.title))),
      );
    });

    test("links from the policy reach the cookie settings and the notices", async ({ page }) => {
      await page.goto(`/${locale}/privacy`);
      await expect(page.locator("section:has(#cookies) a").first()).toHaveAttribute("href", `/${locale}/cookies`);
      await expect(page.locator("section:has(#changes) a").first()).toHaveAttribute("href", `/${locale}/notices`);
    });

    test("the policy passes axe at 390 px and in dark mode", async ({ page }) => {
      await page.setViewportSize({ width: 390, height: 844 });
      await page.emulateMedia({ colorScheme: "dark" });
      await page.goto(`/${locale}/privacy`);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      const { violations } = await new AxeBuilder({ page }).analyze();
      expect(violations.map((violation) => `${violation.id} (${violation.nodes.length})`)).toEqual([]);
    });
  });
}
