/**
 * A Toss purchase through our widget page in Chromium. Offline, Toss's SDK script URL
 * is answered here with a small stand-in of the widget (the real SDK package loads it
 * and calls it as it calls Toss's). Its payment request goes to Toss's domain, which
 * this test answers as Toss's window does: the payment is authenticated at the Toss
 * API stand-in (the one the app confirms against) and the browser is sent back to our
 * success URL with paymentKey, orderId and amount.
 */
import type { Page } from "@playwright/test";
import { expect, test } from "../support/test";
import { E2E, E2E_TOSS_KEYS } from "../support/e2e-stack";
import { choosePayment, newEmail, signUp } from "../support/fixtures";
import { translator } from "../../../lib/i18n/messages";
import type { Locale } from "../../../lib/i18n/locales";

const TOSS_API = `http://127.0.0.1:${E2E.tossPort}`;
const PAY_URL = "https://js.tosspayments.com/__stand-in/pay";

/** The widget's stand-in: records what our page asked of it, renders a method and the agreement, and "pays". */
const WIDGET_SCRIPT = `
window.TossPayments = function (clientKey) {
  window.__toss = { clientKey: clientKey, calls: [] };
  return {
    widgets: function (options) {
      window.__toss.calls.push(["widgets", options]);
      var amount = null;
      return {
        setAmount: function (value) { amount = value; window.__toss.calls.push(["setAmount", value]); return Promise.resolve(); },
        renderPaymentMethods: function (o) {
          document.querySelector(o.selector).innerHTML = '<label><input type="radio" name="toss-method" checked> 카드</label>';
          return Promise.resolve({});
        },
        renderAgreement: function (o) {
          document.querySelector(o.selector).innerHTML = '<p>[필수] 결제 서비스 이용 약관</p>';
          return Promise.resolve({});
        },
        requestPayment: function (request) {
          window.__toss.calls.push(["requestPayment", request]);
          var query = new URLSearchParams({ orderId: request.orderId, amount: String(amount.value), successUrl: request.successUrl });
          window.location.assign("${PAY_URL}?" + query.toString());
          return new Promise(function () {});
        }
      };
    }
  };
};
`;

async function buyThroughToss(page: Page, locale: Locale) {
  const t = translator({ locale, namespace: "points" });
  await page.route("https://js.tosspayments.com/v2/standard", (route) =>
    route.fulfill({ contentType: "text/javascript", body: WIDGET_SCRIPT }),
  );
  await page.route(`${PAY_URL}**`, async (route) => {
    const url = new URL(route.request().url());
    const orderId = url.searchParams.get("orderId") ?? "";
    const amount = Number(url.searchParams.get("amount"));
    const authenticated = await fetch(`${TOSS_API}/__stand-in/authenticate`, {
      method: "POST",
      headers: { authorization: `Basic ${Buffer.from(`${E2E_TOSS_KEYS.secretKey}:`).toString("base64")}` },
      body: JSON.stringify({ orderId, amount }),
    });
    const { paymentKey } = (await authenticated.json()) as { paymentKey: string };
    const success = new URL(url.searchParams.get("successUrl") ?? "");
    for (const [name, value] of Object.entries({ paymentType: "NORMAL", amount: String(amount), orderId, paymentKey }))
      success.searchParams.set(name, value);
    await route.fulfill({ status: 302, headers: { location: success.toString() } });
  });

  // Toss is the Korean page's first choice; an English-speaking buyer in Korea picks it.
  await page.goto(`/${locale}/points`);
  await choosePayment(page, "toss");
  await expect(page.locator(".package-card").first()).toContainText("₩15,000");
  await page.getByRole("button", { name: t("buyLabel", { count: 1000 }) }).click();
  // The checkout page is in the buyer's language.
  await page.waitForURL(new RegExp(`/${locale}/checkout/toss/[0-9a-f-]{36}$`));
  const order = { orderId: new URL(page.url()).pathname.split("/").at(-1) ?? "" };
  await expect(page.getByRole("heading", { name: t("tossCheckout.heading") })).toBeVisible();
  await expect(page.getByText("카드")).toBeVisible();
  const pay = page.getByRole("button", { name: new RegExp(t("tossCheckout.pay", { amount: "" }).trim()) });
  await expect(pay).toBeEnabled();

  const widgetCalls = await page.evaluate(() => (window as unknown as { __toss: unknown }).__toss);
  expect(widgetCalls).toMatchObject({
    clientKey: E2E_TOSS_KEYS.clientKey,
    calls: [
      ["widgets", { customerKey: "@@ANONYMOUS" }],
      ["setAmount", { currency: "KRW", value: 15_000 }],
    ],
  });

  await pay.click();
  await page.waitForURL(`**/${locale}/checkout/toss/${order.orderId}/success?**`);
  await expect(page.getByRole("status").filter({ hasText: t("tossCheckout.paid", { count: 1000 }) })).toBeVisible();
  await expect(page.getByRole("link", { name: t("tossCheckout.receipt") })).toHaveAttribute(
    "href",
    /^https:\/\/dashboard\.tosspayments\.com\/receipt\//,
  );
  return order.orderId;
}

for (const locale of ["ko", "en"] as const) {
  test(`a member buys points through the Toss widget page (${locale}), and the points arrive once`, async ({
    page,
  }) => {
    await signUp(page, newEmail(), locale);
    const orderId = await buyThroughToss(page, locale);

    // The success page loaded again confirms nothing more.
    await page.reload();
    const points = translator({ locale, namespace: "points" });
    await expect(
      page.getByRole("status").filter({ hasText: points("tossCheckout.paid", { count: 1000 }) }),
    ).toBeVisible();
    const order = await page.evaluate(
      async (id) => (await (await fetch(`/api/orders/${id}`)).json()) as { status: string },
      orderId,
    );
    expect(order.status).toBe("paid");
    const balance = await page.evaluate(
      async () => ((await (await fetch("/api/points")).json()) as { balance: number }).balance,
    );
    expect(balance).toBe(1000);
  });
}

test("Toss's fail redirect closes the order and says what to do next", async ({ page }) => {
  const locale = "ko";
  const t = translator({ locale, namespace: "points" });
  await signUp(page, newEmail(), locale);
  await page.goto(`/${locale}/points`);
  const order = await page.evaluate(async () => {
    const response = await fetch("/api/orders", {
      method: "POST",
      headers: { "content-type": "application/json", "idempotency-key": crypto.randomUUID() },
      body: JSON.stringify({ packageId: "points-1000", provider: "toss" }),
    });
    return (await response.json()) as { orderId: string };
  });
  await page.goto(
    `/${locale}/checkout/toss/${order.orderId}/fail?code=PAY_PROCESS_CANCELED&message=x&orderId=${order.orderId}`,
  );
  await expect(page.getByRole("alert").filter({ hasText: t("tossCheckout.failed") })).toBeVisible();
  await expect(page.getByRole("link", { name: t("tossCheckout.retry") })).toBeVisible();
});
