import { recordDispute } from "../../../refunds/record-provider-refunds";
import { STRIPE_DISPUTE_OUTCOMES } from "../stripe-checkout";
import { recordStripeEvent } from "../record-stripe-event";
import { ignoreStripeEvent, orderOfPaymentIntent, type StripePaymentEventHandler } from "../stripe-payment-event";

/**
 * A chargeback opened, moved money, or closed (charge.dispute.created, .funds_withdrawn,
 * .funds_reinstated, .closed): the dispute as Stripe reports it now is recorded like a
 * refund while its money is withdrawn, and undone when it is won.
 */
export const onChargeDispute: StripePaymentEventHandler = async (context) => {
  const dispute = context.objectId ? await context.stripe.getDispute(context.objectId) : null;
  const orderId = await orderOfPaymentIntent(context, dispute?.paymentIntentId ?? null);
  if (!dispute || !orderId || !dispute.status) return ignoreStripeEvent(context);
  await recordDispute({
    services: context.services,
    orderId,
    dispute: {
      disputeId: dispute.disputeId,
      amount: dispute.amount,
      currency: dispute.currency,
      outcome: STRIPE_DISPUTE_OUTCOMES[dispute.status],
    },
  });
  return recordStripeEvent(context, "handled");
};
