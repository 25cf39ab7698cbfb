import { isAppError } from "../../errors/app-error";
import { logger } from "../../observability/logger";
import { confirmPayment } from "../../orders/confirm-payment";
import { recordStripeEvent } from "./record-stripe-event";
import type { StripeEventContext, StripeEventOutcome } from "./stripe-event-context";

/**
 * Credits the order of a session Stripe reports paid, through the one confirm-and-credit
 * path; confirmPayment is idempotent per order, so another event about the same session
 * credits nothing more. A session not paid (yet) is acknowledged and left.
 */
export async function creditCheckoutSession(context: StripeEventContext): Promise<StripeEventOutcome> {
  const { session } = context;
  if (session.paymentStatus !== "paid") return recordStripeEvent(context, "ignored");
  if (session.amount === null || session.currency === null || session.paymentIntentId === null)
    return refuse(context, "session_incomplete");
  try {
    await confirmPayment({
      services: context.services,
      orderId: context.orderId,
      provider: "stripe",
      providerPaymentId: session.paymentIntentId,
      amount: session.amount,
      currency: session.currency,
      receiptUrl: session.receiptUrl,
      delivery: context.delivery,
    });
    return "handled";
  } catch (error) {
    if (isAppError(error, "VALIDATION_FAILED")) return refuse(context, "amount_mismatch");
    if (isAppError(error, "INVALID_STATE")) return refuse(context, "order_not_confirmable");
    throw error;
  }
}

/** Money Stripe took that we cannot credit: recorded so retries stop, logged at error level for staff. */
async function refuse(context: StripeEventContext, reason: string): Promise<StripeEventOutcome> {
  logger.error("stripe.payment_refused", {
    reason,
    orderId: context.orderId,
    sessionId: context.session.sessionId,
    eventId: context.delivery.id,
  });
  return recordStripeEvent(context, "refused");
}
