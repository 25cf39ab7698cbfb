/**
 * The payments port. An order is stored with its amount before the buyer is sent to
 * the provider; the provider only ever confirms or cancels that stored order, and
 * every provider ends in the same confirm-and-credit use case.
 */
import type { Locale } from "../i18n/locales";

export type PaymentProviderId = "sandbox" | "toss" | "stripe";
export type Currency = "KRW" | "USD";

export interface CheckoutOrder {
  orderId: string;
  amount: number;
  currency: Currency;
  description: string;
  /** The buyer's language, for a checkout page of our own. */
  locale?: Locale;
}

export interface StartedCheckout {
  checkoutUrl: string;
  /** The provider's id of the checkout it opened (Stripe's Checkout Session), stored on the order. */
  providerCheckoutId?: string;
}

export interface PaymentProvider {
  id: PaymentProviderId;
  currency: Currency;
  /**
   * Where to send the buyer to pay. Asked again for the same order when the buyer
   * repeats the request (a double click), so it must answer the same checkout for
   * the same orderId rather than open a second payment.
   */
  startCheckout(order: CheckoutOrder): Promise<StartedCheckout>;
  /**
   * What the provider knows of the order's payment, asked before an unpaid order is
   * closed as expired, so a lost webhook or a closed browser never loses a payment.
   * A provider without it cannot be asked; its orders expire on the clock alone.
   */
  lookupPayment?(order: PaymentLookupOrder): Promise<PaymentLookup>;
  /**
   * Returns money of a paid payment, in full or in part. Sent with the refund's own id
   * as the provider's idempotency key, so a retried call returns the money once.
   * Throws AppError PROVIDER_REFUSED when the provider refuses it (a retry cannot
   * help), PROVIDER_FAILED when it could not be asked (a retry may).
   */
  refundPayment?(request: RefundPaymentRequest): Promise<ProviderRefund>;
  /**
   * Every refund (or cancellation) the provider holds for a payment, however it was
   * made: ours, one made in the provider's dashboard, a chargeback's. Webhooks about
   * refunds carry no trusted amounts; this re-read is what the ledger follows.
   */
  listRefunds?(payment: { orderId: string; providerPaymentId: string }): Promise<ProviderRefund[]>;
  /**
   * The payments the provider holds for a period, for reconciliation with our orders
   * (lib/payments/reconcile-payments.ts), each in its current state, page by page.
   * "In the period" is the provider's own notion: Stripe's checkouts opened in it,
   * Toss's payments with a transaction (approval or cancellation) processed in it, the
   * sandbox's payments taken in it. Throws PROVIDER_FAILED when it cannot be asked.
   */
  listPayments?(period: PaymentPeriod): AsyncIterable<ProviderPayment>;
}

/** From `from` included to `to` excluded. */
export interface PaymentPeriod {
  from: Date;
  to: Date;
}

export interface ProviderPayment {
  orderId: string;
  providerPaymentId: string;
  /** What the provider charged, in the currency's smallest unit. */
  amount: number;
  /** The provider's currency code, upper case: compared with the order's, not trusted to be ours. */
  currency: string;
  /** paid: the money was taken (some or all of it may have gone back since); pending: still under way. */
  status: "paid" | "pending" | "not-paid";
  /** Money given back so far (refunds and cancellations), in the same unit. */
  refundedAmount: number;
}

export interface RefundPaymentRequest {
  /** Our refund's id: the idempotency key, and the provider's reference for it. */
  refundId: string;
  orderId: string;
  providerPaymentId: string;
  /** In the currency's smallest unit; less than the payment for a partial refund. */
  amount: number;
  currency: Currency;
}

export interface ProviderRefund {
  /** The provider's id of the refund: Stripe's `re_…`, a Toss cancel's transactionKey. */
  providerRefundId: string;
  amount: number;
  currency: Currency;
  /** pending: accepted, the money not yet back (Stripe may take days); failed: it did not go through. */
  status: "succeeded" | "pending" | "failed";
  /** Set on a refund we asked for (its idempotency key came back), null on one made elsewhere. */
  refundId: string | null;
  /** A chargeback's, not a refund: Stripe's dispute id (`dp_…`). */
  disputeId?: string;
}

export interface PaymentLookupOrder {
  orderId: string;
  amount: number;
  currency: Currency;
  /** The provider's own id for the payment, when the order has one already. */
  providerPaymentId: string | null;
  /** The provider's id of the checkout opened for the order (Stripe's Checkout Session), if any. */
  providerCheckoutId: string | null;
  /**
   * True when the order is about to be closed as expired: the provider may end a checkout
   * still open, so nothing can be paid after we close (Stripe expires its session). False
   * on an early re-read while the buyer may still be paying: the checkout is left alone.
   */
  closing: boolean;
}

export type PaymentLookup =
  | { status: "paid"; providerPaymentId: string; amount: number; currency: Currency; receiptUrl: string | null }
  /** Still under way at the provider (a checkout being filled in, a deposit awaited): not to be closed yet. */
  | { status: "pending" }
  | { status: "not-paid" };
