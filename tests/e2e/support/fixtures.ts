/** Shared steps of the e2e tests, driving the UI the way a person does. */
import { randomUUID } from "node:crypto";
import { expect, type Page } from "@playwright/test";
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

export async function signUp(page: Page, email: string): Promise<void> {
  await page.goto("/signup");
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

export async function buyThousandPoints(page: Page): Promise<void> {
  await page.goto("/points");
  await page.getByRole("button", { name: "Buy 1,000 points" }).click();
  await page.waitForURL("**/checkout/sandbox/**");
  await page.getByRole("button", { name: "Pay" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Payment complete" })).toBeVisible();
}
