/** Shared steps of the e2e tests, driving the UI the way a person does. */
import { randomUUID } from "node:crypto";
import { expect, type Page } from "@playwright/test";
import { DEFAULT_LOCALE, splitLocalePath, type Locale } from "../../../lib/i18n/locales";
import { translator } from "../../../lib/i18n/messages";
import type { PaymentProviderId } from "../../../lib/payments/payment-provider";
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

/** Chooses how to pay on the points page shown now, as a buyer does: by the method's name in the radio group. */
export async function choosePayment(page: Page, provider: PaymentProviderId): Promise<void> {
  const t = translator({ locale: pageLocale(page), namespace: "points" });
  await page
    .getByRole("group", { name: t("payWith.legend") })
    .getByRole("radio", { name: t(`payWith.${provider}.name`), exact: true })
    .check();
}

/** Buys the 1,000-point package through the sandbox checkout (the test payment), in the language given. */
export async function buyThousandPoints(page: Page, locale: Locale): Promise<void> {
  const t = translator({ locale, namespace: "points" });
  await page.goto(`/${locale}/points`);
  await choosePayment(page, "sandbox");
  await page.getByRole("button", { name: t("buyLabel", { count: 1000 }) }).click();
  await page.waitForURL(`**/${locale}/checkout/sandbox/**`);
  await page.getByRole("button", { name: t("checkout.pay") }).click();
  await expect(page.getByRole("status").filter({ hasText: t("checkout.paid", { count: 1000 }) })).toBeVisible();
}
