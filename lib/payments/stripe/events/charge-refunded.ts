import { syncProviderRefunds } from "../../../refunds/record-provider-refunds";
import { recordStripeEvent } from "../record-stripe-event";
import { ignoreStripeEvent, orderOfPaymentIntent, type StripePaymentEventHandler } from "../stripe-payment-event";

/**
 * Money of a charge went back: our refund settling, or one made in Stripe's dashboard.
 * The PaymentIntent's refunds, listed by Stripe, are what the ledger records.
 */
export const onChargeRefunded: StripePaymentEventHandler = async (context) => {
  const charge = context.objectId ? await context.stripe.getCharge(context.objectId) : null;
  const orderId = await orderOfPaymentIntent(context, charge?.paymentIntentId ?? null);
  if (!orderId) return ignoreStripeEvent(context);
  await syncProviderRefunds({ services: context.services, orderId });
  return recordStripeEvent(context, "handled");
};
