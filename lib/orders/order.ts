/** A points order: stored with its server-decided amount before the buyer pays. */
import type { Currency, PaymentProviderId } from "../payments/payment-provider";

import { ORDERS } from "../privacy/data-inventory";

export { ORDERS };

/**
 * pending: the buyer is at the provider's checkout. waiting_for_deposit: a virtual
 * account was issued and the money has not arrived yet. paid: points credited.
 * canceled: the buyer walked away. failed: the provider refused the payment.
 * expired: nothing was paid before expiresAt.
 */
export type OrderStatus = "pending" | "waiting_for_deposit" | "paid" | "canceled" | "failed" | "expired";

/** How long a plain pending order waits for the buyer to finish the provider's checkout. */
export const CHECKOUT_WINDOW_MINUTES = 30;

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
  /** After this an unpaid order is closed as expired (a virtual account's: its deposit due date). */
  expiresAt: string;
  paidAt: string | null;
  canceledAt: string | null;
  failedAt: string | null;
  /** The provider's receipt page for a paid order. */
  receiptUrl: string | null;
}

/** What the buyer sees of an order: no uid, no provider payment id. */
export type OrderView = { orderId: string } & Pick<
  Order,
  | "packageId"
  | "provider"
  | "points"
  | "amount"
  | "currency"
  | "status"
  | "createdAt"
  | "expiresAt"
  | "paidAt"
  | "receiptUrl"
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
    expiresAt: order.expiresAt,
    paidAt: order.paidAt,
    receiptUrl: order.receiptUrl,
  };
}
