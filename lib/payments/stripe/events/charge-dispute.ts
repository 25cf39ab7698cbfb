import { recordDispute, type ProviderDispute } from "../../../refunds/record-provider-refunds";
import type { StripeDisputeStatus } from "../stripe-checkout";
import { recordStripeEvent } from "../record-stripe-event";
import { ignoreStripeEvent, orderOfPaymentIntent, type StripePaymentEventHandler } from "../stripe-payment-event";

/**
 * Where a dispute's money is, by its status: an inquiry (`warning_*`) or a prevented
 * dispute moves none; an open or lost one has been withdrawn from us; a won one came
 * back.
 */
const OUTCOMES: Record<StripeDisputeStatus, ProviderDispute["outcome"]> = {
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
      outcome: OUTCOMES[dispute.status],
    },
  });
  return recordStripeEvent(context, "handled");
};
