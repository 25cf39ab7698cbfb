/**
 * Events about a payment after checkout (its refunds, its disputes), which name a
 * charge or a dispute and not a Checkout Session. Each handler reads its object back
 * from Stripe by id, finds our order through the PaymentIntent's Checkout Session, and
 * records what Stripe reports now; the refund use cases are idempotent by Stripe's ids,
 * so the event id is recorded after them and a replay changes nothing.
 */
import { GENERATED_ID } from "../../db/generated-id";
import { logger } from "../../observability/logger";
import { ORDERS } from "../../orders/order";
import type { Services } from "../../services";
import { recordStripeEvent } from "./record-stripe-event";
import type { StripeCheckout } from "./stripe-checkout";
import type { StripeEventOutcome } from "./stripe-event-context";

export interface StripePaymentEventContext {
  services: Services;
  stripe: StripeCheckout;
  /** The event's object id: a charge (`ch_…`) or a dispute (`dp_…`). */
  objectId: string | null;
  delivery: { provider: "stripe"; id: string };
}

export type StripePaymentEventHandler = (context: StripePaymentEventContext) => Promise<StripeEventOutcome>;

/** Our Stripe order paid by the PaymentIntent, or null when it is not one of ours. */
export async function orderOfPaymentIntent(
  context: StripePaymentEventContext,
  paymentIntentId: string | null,
): Promise<string | null> {
  const orderId = paymentIntentId ? await context.stripe.getPaymentIntentOrder(paymentIntentId) : null;
  const order = orderId && GENERATED_ID.test(orderId) ? await context.services.db.get(ORDERS, orderId) : null;
  if (!order || order.data.provider !== "stripe" || order.data.providerPaymentId !== paymentIntentId) {
    logger.warn("stripe.event_not_ours", { eventId: context.delivery.id, objectId: context.objectId });
    return null;
  }
  return order.id;
}

export function ignoreStripeEvent(context: StripePaymentEventContext): Promise<StripeEventOutcome> {
  return recordStripeEvent(context, "ignored");
}
