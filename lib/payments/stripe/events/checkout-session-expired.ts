import { closeUnpaidOrder } from "../../../orders/close-unpaid-order";
import { recordStripeEvent } from "../record-stripe-event";
import type { StripeEventHandler } from "../stripe-event-context";

/** The buyer never paid and Stripe closed the session: the order expires. */
export const onCheckoutSessionExpired: StripeEventHandler = async (context) => {
  if (context.session.status !== "expired") return recordStripeEvent(context, "ignored");
  await closeUnpaidOrder({
    services: context.services,
    orderId: context.orderId,
    provider: "stripe",
    outcome: "expired",
    delivery: context.delivery,
  });
  return "handled";
};
