/**
 * A refund within 7 days (청약철회) in Chromium: the buyer pays with the test payment,
 * asks for a refund of that order on the points page, is told before confirming that
 * the full amount comes back at once, and sees the order refunded and the points gone.
 */
import type { Page } from "@playwright/test";
import { expect, test } from "../support/test";
import { buyThousandPoints, newEmail, signUp } from "../support/fixtures";
import { translator } from "../../../lib/i18n/messages";

async function api<T>(page: Page, path: string): Promise<T> {
  return page.evaluate(async (url) => (await (await fetch(url)).json()) as T, path);
}

test("a buyer withdraws from an unused purchase within 7 days and gets the full amount back at once", async ({
  page,
}) => {
  const locale = "ko";
  const t = translator({ locale, namespace: "points" });
  await signUp(page, newEmail(), locale);
  await buyThousandPoints(page, locale);
  await page.goto(`/${locale}/points`);

  const { orders } = await api<{ orders: { orderId: string }[] }>(page, "/api/orders");
  const orderId = orders[0]!.orderId;
  const row = page.locator(".order-row").filter({ hasText: t("orders.order", { order: orderId.slice(0, 8) }) });
  await expect(row).toContainText(t("orders.statuses.paid"));

  await row
    .getByRole("button", {
      name: `${t("orders.refunds.ask")} ${t("orders.refunds.askFor", { order: orderId.slice(0, 8) })}`,
    })
    .click();
  const confirm = row.getByRole("group", { name: t("orders.refunds.confirmLabel") });
  await expect(confirm).toContainText(t("orders.refunds.explainWithdrawal", { days: 7 }));
  await confirm.getByRole("button", { name: t("orders.refunds.confirmWithdrawal") }).click();

  await expect(row).toContainText(t("orders.statuses.refunded"));
  await expect(row).toContainText("₩15,000 환불을 마쳤습니다");
  await expect(row.getByRole("button", { name: new RegExp(t("orders.refunds.ask")) })).toHaveCount(0);
  expect(await api<{ balance: number }>(page, "/api/points")).toMatchObject({ balance: 0 });
  expect(await api(page, `/api/orders/${orderId}`)).toMatchObject({
    status: "refunded",
    refundedAmount: 15_000,
    refunds: [{ origin: "withdrawal", status: "succeeded", amount: 15_000 }],
  });
});
