import { closeUnpaidOrder } from "../../../orders/close-unpaid-order";
import { recordStripeEvent } from "../record-stripe-event";
import type { StripeEventHandler } from "../stripe-event-context";

/** A delayed payment method failed after the session completed unpaid: the order fails. */
export const onCheckoutSessionAsyncPaymentFailed: StripeEventHandler = async (context) => {
  if (context.session.paymentStatus === "paid") return recordStripeEvent(context, "ignored");
  await closeUnpaidOrder({
    services: context.services,
    orderId: context.orderId,
    provider: "stripe",
    outcome: "failed",
    delivery: context.delivery,
  });
  return "handled";
};
