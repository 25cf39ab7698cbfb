/**
 * What the rest of the product sees of Stripe: our own types, so that no Stripe type
 * leaves the adapter (lib/payments/stripe/stripe-payment-provider.ts).
 */
import type { Currency, PaymentLookup, PaymentLookupOrder, PaymentProvider } from "../payment-provider";

/** A webhook event whose signature held: only its ids and type are believed. */
export interface VerifiedStripeEvent {
  eventId: string;
  type: string;
  /** The id of the object the event is about (a Checkout Session's `cs_…`), or null when it has none. */
  objectId: string | null;
}

/** A Checkout Session as Stripe reports it when asked, never as a webhook's body says. */
export interface CheckoutSessionRecord {
  sessionId: string;
  /** Our order id, from `client_reference_id`; null for a session some other integration made. */
  orderId: string | null;
  status: "open" | "complete" | "expired" | null;
  paymentStatus: "paid" | "unpaid" | "no_payment_required";
  /** In the currency's smallest unit. */
  amount: number | null;
  currency: Currency | null;
  paymentIntentId: string | null;
  /** The charge's receipt page, shown on the order. */
  receiptUrl: string | null;
}

export interface StripeCheckout extends PaymentProvider {
  readonly id: "stripe";
  /**
   * Checks `Stripe-Signature` over the raw body (HMAC-SHA256 of `t.body`, any matching
   * v1, signed at most 300 s before `now`); throws WEBHOOK_SIGNATURE_INVALID otherwise,
   * before anything in the body is believed.
   */
  verifyEvent(rawBody: Buffer, signatureHeader: string | null, now: Date): VerifiedStripeEvent;
  /** Reads the session from Stripe; null when Stripe does not know it. Throws PROVIDER_FAILED when Stripe cannot be asked. */
  getCheckoutSession(sessionId: string): Promise<CheckoutSessionRecord | null>;
  /**
   * Before an unpaid order is closed: an open session is expired at Stripe first, so
   * the buyer can no longer pay what we are closing, and what Stripe then reports is
   * final (paid; pending while a delayed payment is under way; otherwise not paid).
   * An early re-read (not `closing`) leaves an open session open: pending.
   */
  lookupPayment(order: PaymentLookupOrder): Promise<PaymentLookup>;
}
