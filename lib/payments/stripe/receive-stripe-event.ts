import { GENERATED_ID } from "../../db/generated-id";
import { AppError } from "../../errors/app-error";
import { logger } from "../../observability/logger";
import { ORDERS } from "../../orders/order";
import type { Services } from "../../services";
import { WEBHOOK_DELIVERIES, webhookDeliveryId } from "../../webhooks/webhook-delivery";
import { onCheckoutSessionAsyncPaymentFailed } from "./events/checkout-session-async-payment-failed";
import { onCheckoutSessionAsyncPaymentSucceeded } from "./events/checkout-session-async-payment-succeeded";
import { onCheckoutSessionCompleted } from "./events/checkout-session-completed";
import { onCheckoutSessionExpired } from "./events/checkout-session-expired";
import { onChargeDispute } from "./events/charge-dispute";
import { onChargeRefunded } from "./events/charge-refunded";
import { recordStripeEvent } from "./record-stripe-event";
import type { StripePaymentEventHandler } from "./stripe-payment-event";
import type { StripeEventHandler, StripeEventOutcome } from "./stripe-event-context";

export interface ReceiveStripeEventOptions {
  services: Services;
  headers: Headers;
  rawBody: Buffer;
}

/** The event types we act on; every other type is acknowledged and ignored, and nothing is stored. */
const SESSION_HANDLERS: Readonly<Record<string, StripeEventHandler>> = {
  "checkout.session.completed": onCheckoutSessionCompleted,
  "checkout.session.async_payment_succeeded": onCheckoutSessionAsyncPaymentSucceeded,
  "checkout.session.async_payment_failed": onCheckoutSessionAsyncPaymentFailed,
  "checkout.session.expired": onCheckoutSessionExpired,
};
const PAYMENT_HANDLERS: Readonly<Record<string, StripePaymentEventHandler>> = {
  "charge.refunded": onChargeRefunded,
  "charge.dispute.created": onChargeDispute,
  "charge.dispute.funds_withdrawn": onChargeDispute,
  "charge.dispute.funds_reinstated": onChargeDispute,
  "charge.dispute.closed": onChargeDispute,
};

/**
 * A Stripe webhook event. The signature is checked over the raw body first; of the
 * body only the event id, its type and the session id are used, and the session is
 * read again from Stripe. The event id is recorded in the same transaction as its
 * effect. Throws only for what a retry can fix (Stripe or the database unreachable),
 * so every other answer tells Stripe to stop.
 */
export async function receiveStripeEvent(options: ReceiveStripeEventOptions): Promise<StripeEventOutcome> {
  const { services } = options;
  const stripe = services.paymentProviders.stripe;
  if (!stripe) throw new AppError("FEATURE_DISABLED", "webhook.notConfigured");
  const event = stripe.verifyEvent(options.rawBody, options.headers.get("stripe-signature"), services.clock.now());
  const handler = Object.hasOwn(SESSION_HANDLERS, event.type) ? SESSION_HANDLERS[event.type] : undefined;
  const paymentHandler = Object.hasOwn(PAYMENT_HANDLERS, event.type) ? PAYMENT_HANDLERS[event.type] : undefined;
  if (!handler && !paymentHandler) return "ignored";

  const delivery = { provider: "stripe" as const, id: event.eventId };
  const context = { services, delivery };
  if (await services.db.get(WEBHOOK_DELIVERIES, webhookDeliveryId(delivery.provider, delivery.id))) return "replayed";
  if (!handler) return paymentHandler!({ ...context, stripe, objectId: event.objectId });
  const session = event.objectId ? await stripe.getCheckoutSession(event.objectId) : null;
  const order =
    session?.orderId && GENERATED_ID.test(session.orderId) ? await services.db.get(ORDERS, session.orderId) : null;
  if (!session || !order || order.data.provider !== "stripe") {
    logger.warn("stripe.event_not_ours", { eventId: event.eventId, type: event.type, objectId: event.objectId });
    return recordStripeEvent(context, "ignored");
  }
  return handler({ ...context, orderId: order.id, session });
}
