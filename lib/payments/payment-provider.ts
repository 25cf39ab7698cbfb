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
  /** Where to send the buyer to pay. */
  startCheckout(order: CheckoutOrder): Promise<StartedCheckout>;
}
