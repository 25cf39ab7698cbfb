/** A points order: stored with its server-decided amount before the buyer pays. */
import type { Currency, PaymentProviderId } from "../payments/payment-provider";

import { ORDERS } from "../privacy/data-inventory";

export { ORDERS };

export type OrderStatus = "pending" | "paid" | "canceled";

export interface Order {
  uid: string;
  packageId: string;
  provider: PaymentProviderId;
  points: number;
  /** In the currency's smallest unit: won, or US cents. */
  amount: number;
  currency: Currency;
  status: OrderStatus;
  providerPaymentId: string | null;
  createdAt: string;
  paidAt: string | null;
  canceledAt: string | null;

  /** Stripe: the Checkout Session opened for the order (`cs_…`), by which its webhooks find it. */
  providerCheckoutId?: string;
}

/** What the buyer sees of an order: no uid, no provider payment id. */
export type OrderView = { orderId: string } & Pick<
  Order,
  "packageId" | "provider" | "points" | "amount" | "currency" | "status" | "createdAt" | "paidAt"
>;

export function toOrderView(orderId: string, order: Order): OrderView {
  return {
    orderId,
    packageId: order.packageId,
    provider: order.provider,
    points: order.points,
    amount: order.amount,
    currency: order.currency,
    status: order.status,
    createdAt: order.createdAt,
    paidAt: order.paidAt,
  };
}
