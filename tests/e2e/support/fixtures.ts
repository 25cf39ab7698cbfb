/** Shared steps of the e2e tests, driving the UI the way a person does. */
import { randomUUID } from "node:crypto";
import { expect, type Page } from "@playwright/test";
import { DEFAULT_LOCALE, splitLocalePath, type Locale } from "../../../lib/i18n/locales";
import { translator } from "../../../lib/i18n/messages";
import { CONSENT_TEXTS, MINIMUM_AGE } from "../../../lib/privacy/policy-versions";

export const PASSWORD = "correct horse battery staple";

export function newEmail(): string {
  return `member-${randomUUID().slice(0, 8)}@example.test`;
}

/** The language of the page shown now, from its address (the default before the first navigation). */
export function pageLocale(page: Page): Locale {
  const url = page.url();
  return (url.startsWith("http") ? splitLocalePath(new URL(url).pathname).locale : null) ?? DEFAULT_LOCALE;
}

/** The account messages in the language of the page shown now. */
export function accountText(page: Page) {
  return translator({ locale: pageLocale(page), namespace: "account" });
}

/** Fills the sign-up form of the page shown now, in its language. */
export async function fillSignUpForm(
  page: Page,
  options: { email: string; name: string; password?: string },
): Promise<void> {
  const t = accountText(page);
  await page.getByLabel(t("fields.email"), { exact: true }).fill(options.email);
  await page.getByLabel(t("fields.password"), { exact: true }).fill(options.password ?? PASSWORD);
  await page.getByLabel(t("fields.name"), { exact: true }).fill(options.name);
}

/** Ticks the age confirmation and the required consents one by one (and marketing when asked), in the page's language. */
export async function giveConsents(page: Page, options: { marketing: boolean }): Promise<void> {
  const locale = pageLocale(page);
  const t = accountText(page);
  await page.getByLabel(t("consents.age", { age: MINIMUM_AGE }), { exact: true }).check();
  await page.getByLabel(CONSENT_TEXTS.terms.wording[locale], { exact: true }).check();
  await page.getByLabel(CONSENT_TEXTS.privacy.wording[locale], { exact: true }).check();
  if (options.marketing) await page.getByLabel(CONSENT_TEXTS.marketing.wording[locale], { exact: true }).check();
}

/** Signs a new member up with email and password on the sign-up page in `locale`; ends on the generate page. */
export async function signUp(page: Page, email: string, locale: Locale = DEFAULT_LOCALE): Promise<void> {
  await page.goto(`/${locale}/signup`);
  await fillSignUpForm(page, { email, name: "E2E Member" });
  await giveConsents(page, { marketing: false });
  await page.getByRole("button", { name: accountText(page)("signUp.submit") }).click();
  await page.waitForURL(`**/${locale}/generate`);
}

/** Signs in on the sign-in page shown now, in its language. */
export async function signIn(page: Page, options: { email: string; password?: string }): Promise<void> {
  const t = accountText(page);
  await page.getByLabel(t("fields.email"), { exact: true }).fill(options.email);
  await page.getByLabel(t("fields.password"), { exact: true }).fill(options.password ?? PASSWORD);
  await page.getByRole("button", { name: t("signIn.submit"), exact: true }).click();
}

/**
 * Opens the newest local mail to this address that carries an account link of this
 * kind (the `mode` of /auth/action), and follows that link. Found by its address
 * rather than its words, so it works whatever language the mail is in.
 */
export async function followAccountLink(
  page: Page,
  options: { to: string; mode: "verifyEmail" | "resetPassword" },
): Promise<void> {
  const link = page.locator(`a[href*="/auth/action?mode=${options.mode}&"]`);
  await expect(async () => {
    await page.goto("/mailbox");
    await page.getByRole("row").filter({ hasText: options.to }).first().getByRole("link").click();
    await expect(link).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
  await link.click();
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

export async function buyThousandPoints(page: Page): Promise<void> {
  await page.goto("/points");
  await page.getByRole("button", { name: "Buy 1,000 points" }).click();
  await page.waitForURL("**/checkout/sandbox/**");
  await page.getByRole("button", { name: "Pay" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Payment complete" })).toBeVisible();
}
