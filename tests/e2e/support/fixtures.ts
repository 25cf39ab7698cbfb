/** Shared steps of the e2e tests, driving the UI the way a person does. */
import { randomUUID } from "node:crypto";
import { expect, type Page } from "@playwright/test";
import type { Locale } from "../../../lib/i18n/locales";
import { translator } from "../../../lib/i18n/messages";
import { CONSENT_TEXTS } from "../../../lib/privacy/policy-versions";

export const PASSWORD = "correct horse battery staple";

export function newEmail(): string {
  return `member-${randomUUID().slice(0, 8)}@example.test`;
}

export async function fillSignUpForm(
  page: Page,
  options: { email: string; name: string; password?: string },
): Promise<void> {
  await page.getByLabel("Email", { exact: true }).fill(options.email);
  await page.getByLabel("Password", { exact: true }).fill(options.password ?? PASSWORD);
  await page.getByLabel("Name", { exact: true }).fill(options.name);
}

export async function giveConsents(page: Page, options: { marketing: boolean }): Promise<void> {
  await page.getByLabel(/14 or older/).check();
  await page.getByLabel(CONSENT_TEXTS.terms.wording.en).check();
  await page.getByLabel(CONSENT_TEXTS.privacy.wording.en).check();
  if (options.marketing) await page.getByLabel(CONSENT_TEXTS.marketing.wording.en).check();
}

/** Without a locale, the browser's language picks the page's (Accept-Language). */
export async function signUp(page: Page, email: string, locale?: Locale): Promise<void> {
  await page.goto(locale ? `/${locale}/signup` : "/signup");
  await fillSignUpForm(page, { email, name: "E2E Member" });
  await giveConsents(page, { marketing: false });
  await page.getByRole("button", { name: "Create account" }).click();
  await page.waitForURL("**/generate");
}

/**
 * Opens the newest local mail with this subject sent to this address and clicks one
 * of its links. Mail is queued and sent by the worker, so the mailbox (rendered once
 * per load) is reloaded until the mail is there.
 */
export async function followMailLink(
  page: Page,
  options: { to: string; subject: string; link: string },
): Promise<void> {
  const row = page.getByRole("row").filter({ hasText: options.to }).filter({ hasText: options.subject }).first();
  await expect(async () => {
    await page.goto("/mailbox");
    await expect(row).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
  await row.getByRole("link", { name: options.subject }).click();
  await expect(page.getByRole("heading", { level: 1, name: options.subject })).toBeVisible();
  await page.getByRole("link", { name: options.link }).click();
}

/**
 * Opens the newest local mail to this address that links to an address matching
 * `href`, and follows that link. Found by address and link, not by words, so it works
 * whatever language the mail is written in. Mail is queued and sent by the worker, so
 * the mailbox is reloaded until the mail is there.
 */
export async function followMailLinkTo(page: Page, options: { to: string; href: RegExp }): Promise<void> {
  let target: string | undefined;
  await expect(async () => {
    await page.goto("/mailbox");
    await page.getByRole("row").filter({ hasText: options.to }).first().getByRole("link").click();
    const hrefs = await page
      .getByRole("main")
      .getByRole("link")
      .evaluateAll((links) => links.map((link) => link.getAttribute("href")));
    target = hrefs.find((href) => href !== null && options.href.test(href)) ?? undefined;
    expect(target).toBeDefined();
  }).toPass({ timeout: 15_000 });
  await page.getByRole("main").locator(`a[href="${target}"]`).first().click();
}

/** Buys the 1,000-point package through the sandbox checkout, in the language given. */
export async function buyThousandPoints(page: Page, locale: Locale): Promise<void> {
  const t = translator({ locale, namespace: "points" });
  await page.goto(`/${locale}/points`);
  await page.getByRole("button", { name: t("buyLabel", { count: 1000 }) }).click();
  await page.waitForURL(`**/${locale}/checkout/sandbox/**`);
  await page.getByRole("button", { name: t("checkout.pay") }).click();
  await expect(page.getByRole("status").filter({ hasText: t("checkout.paid", { count: 1000 }) })).toBeVisible();
}
