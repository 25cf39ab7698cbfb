import { creditCheckoutSession } from "../credit-checkout-session";
import type { StripeEventHandler } from "../stripe-event-context";

/** A delayed payment method's money arrived after the session completed unpaid. */
export const onCheckoutSessionAsyncPaymentSucceeded: StripeEventHandler = creditCheckoutSession;
