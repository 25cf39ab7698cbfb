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
}

export interface PaymentLookupOrder {
  orderId: string;
  amount: number;
  currency: Currency;
  /** The provider's own id for the payment, when the order has one already. */
  providerPaymentId: string | null;
  /** The provider's id of the checkout opened for the order (Stripe's Checkout Session), if any. */
  providerCheckoutId: string | null;
}

export type PaymentLookup =
  | { status: "paid"; providerPaymentId: string; amount: number; currency: Currency; receiptUrl: string | null }
  /** Still under way at the provider (a checkout being filled in, a deposit awaited): not to be closed yet. */
  | { status: "pending" }
  | { status: "not-paid" };
