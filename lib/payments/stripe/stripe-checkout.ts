/**
 * What the rest of the product sees of Stripe: our own types, so that no Stripe type
 * leaves the adapter (lib/payments/stripe/stripe-payment-provider.ts).
 */
import type {
  Currency,
  PaymentLookup,
  PaymentLookupOrder,
  PaymentProvider,
  ProviderRefund,
  RefundPaymentRequest,
} from "../payment-provider";

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

/** The dispute statuses Stripe documents; `warning_*` are inquiries, no money withdrawn yet. */
export const STRIPE_DISPUTE_STATUSES = [
  "warning_needs_response",
  "warning_under_review",
  "warning_closed",
  "needs_response",
  "under_review",
  "won",
  "lost",
  "prevented",
  "appeal_needs_response",
  "appeal_under_review",
] as const;
export type StripeDisputeStatus = (typeof STRIPE_DISPUTE_STATUSES)[number];

/**
 * Where a dispute's money is, by its status: an inquiry (`warning_*`) or a prevented
 * dispute moves none; an open or lost one has been withdrawn from us; a won one came
 * back.
 */
export const STRIPE_DISPUTE_OUTCOMES: Record<StripeDisputeStatus, "funds-withdrawn" | "won" | "no-funds-moved"> = {
  warning_needs_response: "no-funds-moved",
  warning_under_review: "no-funds-moved",
  warning_closed: "no-funds-moved",
  prevented: "no-funds-moved",
  needs_response: "funds-withdrawn",
  under_review: "funds-withdrawn",
  appeal_needs_response: "funds-withdrawn",
  appeal_under_review: "funds-withdrawn",
  lost: "funds-withdrawn",
  won: "won",
};

/** A dispute (chargeback) as Stripe reports it when asked. */
export interface StripeDisputeRecord {
  disputeId: string;
  paymentIntentId: string | null;
  /** Disputed, in the currency's smallest unit. */
  amount: number;
  currency: Currency;
  /** Null for a status this version does not know. */
  status: StripeDisputeStatus | null;
}

/** A charge as Stripe reports it when asked: what a `charge.refunded` event is about. */
export interface StripeChargeRecord {
  chargeId: string;
  paymentIntentId: string | null;
  amount: number;
  amountRefunded: number;
  currency: Currency;
  disputed: boolean;
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
  /**
   * A Refund of the order's PaymentIntent (`refund:<refundId>` as idempotency key,
   * orderId and refundId in its metadata). succeeded; pending or requires_action →
   * pending; failed or canceled → failed. Throws PROVIDER_REFUSED (details.providerCode:
   * Stripe's code, e.g. charge_already_refunded, charge_disputed) or PROVIDER_FAILED.
   */
  refundPayment(request: RefundPaymentRequest): Promise<ProviderRefund>;
  /**
   * Every Refund of the PaymentIntent (refundId from metadata, null for the dashboard's),
   * then every dispute as a ProviderRefund with `disputeId`: lost → succeeded, still open
   * → pending, won/closed → failed. Throws PROVIDER_FAILED.
   */
  listRefunds(payment: { orderId: string; providerPaymentId: string }): Promise<ProviderRefund[]>;
  /** Reads a dispute (the object of charge.dispute.* events); null when Stripe does not know it. */
  getDispute(disputeId: string): Promise<StripeDisputeRecord | null>;
  /** Reads a charge (the object of charge.refunded); null when Stripe does not know it. */
  getCharge(chargeId: string): Promise<StripeChargeRecord | null>;
  /**
   * Our order id for a PaymentIntent: the `client_reference_id` of the Checkout Session
   * that created it; null when no session of ours did. Throws PROVIDER_FAILED.
   */
  getPaymentIntentOrder(paymentIntentId: string): Promise<string | null>;
}
