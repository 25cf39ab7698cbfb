/**
 * A Stripe purchase in Chromium: the buyer chooses international card payment on the
 * points page, is sent to the Checkout Session's URL (the Stripe stand-in's hosted
 * page, which on Pay completes the session and posts the signed
 * checkout.session.completed event to the app's webhook before sending the browser
 * back), and comes back to the points page, which says what became of the order.
 */
import type { Page } from "@playwright/test";
import { expect, test } from "../support/test";
import { E2E_URL } from "../support/e2e-stack";
import { choosePayment, newEmail, signUp } from "../support/fixtures";
import { translator } from "../../../lib/i18n/messages";
import type { Locale } from "../../../lib/i18n/locales";

interface OrderView {
  status: string;
  provider: string;
  amount: number;
  currency: string;
  receiptUrl: string | null;
}

async function openStripeCheckout(page: Page, locale: Locale): Promise<string> {
  const t = translator({ locale, namespace: "points" });
  await page.goto(`/${locale}/points`);
  await choosePayment(page, "stripe");
  // What the buyer is charged is the provider's price: dollars for Stripe.
  await expect(page.locator(".package-card").first()).toContainText("$10.00");
  await page.getByRole("button", { name: t("buyLabel", { count: 1000 }) }).click();
  await page.waitForURL(/^http:\/\/127\.0\.0\.1:\d+\/c\/pay\/cs_test_/);
  await expect(page.getByRole("heading", { name: "Pay $10.00" })).toBeVisible();
  await expect(page.getByText("1,000 points")).toBeVisible();
  return new URL(page.url()).pathname;
}

async function readOrder(page: Page, orderId: string): Promise<OrderView> {
  return page.evaluate(async (id) => (await (await fetch(`/api/orders/${id}`)).json()) as OrderView, orderId);
}

async function readBalance(page: Page): Promise<number> {
  return page.evaluate(async () => ((await (await fetch("/api/points")).json()) as { balance: number }).balance);
}

test("a member pays by card through Stripe's hosted page and comes back to the points credited, with the receipt", async ({
  page,
}) => {
  const locale = "en";
  const t = translator({ locale, namespace: "points" });
  await signUp(page, newEmail(), locale);
  await openStripeCheckout(page, locale);

  await page.getByRole("button", { name: "Pay", exact: true }).click();
  await page.waitForURL(new RegExp(`^${E2E_URL}/${locale}/points\\?order=[0-9a-f-]{36}$`));
  const orderId = new URL(page.url()).searchParams.get("order") ?? "";

  const notice = page
    .getByRole("status")
    .filter({ hasText: t("checkoutReturn.paid", { order: orderId.slice(0, 8), count: 1000 }) });
  await expect(notice).toBeVisible();
  const receipt = /^http:\/\/127\.0\.0\.1:\d+\/receipts\/payment\/[0-9a-f]+$/;
  await expect(notice.getByRole("link", { name: t("checkoutReturn.receipt") })).toHaveAttribute("href", receipt);
  await expect(page.getByRole("region", { name: t("balanceHeading") })).toContainText("1,000");
  const orders = page.getByRole("region", { name: t("orders.heading") });
  await expect(orders.getByRole("listitem").first()).toContainText(t("orders.statuses.paid"));
  await expect(orders.getByRole("link", { name: new RegExp(t("orders.receipt")) }).first()).toHaveAttribute(
    "href",
    receipt,
  );

  expect(await readOrder(page, orderId)).toMatchObject({
    status: "paid",
    provider: "stripe",
    amount: 1_000,
    currency: "USD",
    receiptUrl: expect.stringMatching(receipt),
  });
  // Coming back to the same address again credits nothing more.
  await page.reload();
  await expect(notice).toBeVisible();
  expect(await readBalance(page)).toBe(1000);
});

test("a member who cancels on Stripe's hosted page comes back with nothing charged or credited", async ({ page }) => {
  const locale = "en";
  const t = translator({ locale, namespace: "points" });
  await signUp(page, newEmail(), locale);
  const checkoutPath = await openStripeCheckout(page, locale);

  await page.getByRole("button", { name: "Cancel", exact: true }).click();
  await page.waitForURL(new RegExp(`^${E2E_URL}/${locale}/points\\?order=[0-9a-f-]{36}&checkout=canceled$`));
  const orderId = new URL(page.url()).searchParams.get("order") ?? "";
  await expect(
    page.getByRole("status").filter({ hasText: t("checkoutReturn.canceled", { order: orderId.slice(0, 8) }) }),
  ).toBeVisible();
  expect(await readOrder(page, orderId)).toMatchObject({ status: "pending", receiptUrl: null });
  expect(await readBalance(page)).toBe(0);
  // The hosted page is still open at Stripe, as after its back link: the buyer may change their mind.
  expect(checkoutPath).toMatch(/^\/c\/pay\/cs_test_/);
});

test("a Korean buyer finds Toss Payments chosen, with prices in won, and can switch to a card in dollars", async ({
  page,
}) => {
  const locale = "ko";
  const t = translator({ locale, namespace: "points" });
  await signUp(page, newEmail(), locale);
  await page.goto(`/${locale}/points`);
  const choice = page.getByRole("group", { name: t("payWith.legend") });
  await expect(choice.getByRole("radio")).toHaveCount(3);
  await expect(choice.getByRole("radio", { name: t("payWith.toss.name"), exact: true })).toBeChecked();
  await expect(choice.getByRole("radio", { name: t("payWith.sandbox.name"), exact: true })).not.toBeChecked();
  const firstPackage = page.locator(".package-card").first();
  await expect(firstPackage).toContainText("₩15,000");
  await expect(firstPackage).not.toContainText("$");

  await choosePayment(page, "stripe");
  await expect(firstPackage).toContainText("$10.00");
  await expect(firstPackage).not.toContainText("₩");
});

test("an English page starts on Stripe", async ({ page }) => {
  const locale = "en";
  const t = translator({ locale, namespace: "points" });
  await signUp(page, newEmail(), locale);
  await page.goto(`/${locale}/points`);
  await expect(
    page.getByRole("group", { name: t("payWith.legend") }).getByRole("radio", { name: t("payWith.stripe.name") }),
  ).toBeChecked();
});
