/** A points order: stored with its server-decided amount before the buyer pays. */
import type { Currency, PaymentProviderId } from "../payments/payment-provider";

import { ORDERS } from "../privacy/data-inventory";

export { ORDERS };

/**
 * pending: the buyer is at the provider's checkout. waiting_for_deposit: a virtual
 * account was issued and the money has not arrived yet. paid: points credited.
 * canceled: the buyer walked away. failed: the provider refused the payment.
 * expired: nothing was paid before expiresAt. partially_refunded and refunded: paid, then
 * part or all of the money went back (lib/refunds).
 */
export type OrderStatus =
  "pending" | "waiting_for_deposit" | "paid" | "partially_refunded" | "refunded" | "canceled" | "failed" | "expired";

/** The statuses of an order whose money the provider took (some of it may have gone back since). */
export const PAID_STATUSES: ReadonlySet<OrderStatus> = new Set(["paid", "partially_refunded", "refunded"]);

/** How long a plain pending order waits for the buyer to finish the provider's checkout. */
export const CHECKOUT_WINDOW_MINUTES = 30;

export interface Order {
  uid: string;
  packageId: string;
  provider: PaymentProviderId;
  /** Points credited, the package's bonus included. */
  points: number;
  /** Of `points`, the package's bonus: given free, never refunded, withdrawn with a refund of the purchase. */
  bonusPoints: number;
  /** In the currency's smallest unit: won, or US cents. */
  amount: number;
  currency: Currency;
  status: OrderStatus;
  providerPaymentId: string | null;
  /** Stripe: the Checkout Session opened for the order (`cs_…`), by which its webhooks find it. */
  providerCheckoutId?: string;
  createdAt: string;
  /** After this an unpaid order is closed as expired (a virtual account's: its deposit due date). */
  expiresAt: string;
  /**
   * When the sweep next re-reads the unpaid order from its provider
   * (lib/orders/payment-check-schedule.ts). Absent on orders made before it existed.
   */
  nextCheckAt?: string;
  paidAt: string | null;
  canceledAt: string | null;
  failedAt: string | null;
  /** The provider's receipt page for a paid order. */
  receiptUrl: string | null;
  /** Money returned so far, in the same unit as `amount` (lib/refunds). */
  refundedAmount: number;
  /** Paid points taken back by those refunds: this purchase's lot of paid points is `points - bonusPoints - refundedPoints`. */
  refundedPoints: number;

  // Toss only (lib/payments/apply-toss-payment.ts).
  /**
   * A virtual account's SHA-256 of the `secret` Toss returned on confirm, which its
   * DEPOSIT_CALLBACK must carry. Only the hash is kept: it is enough to compare.
   */
  tossDepositSecretHash?: string | null;
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
  | "refundedAmount"
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
    refundedAmount: order.refundedAmount,
  };
}
