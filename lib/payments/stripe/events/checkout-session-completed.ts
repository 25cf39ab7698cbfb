import { creditCheckoutSession } from "../credit-checkout-session";
import type { StripeEventHandler } from "../stripe-event-context";

/**
 * The buyer finished Checkout. Paid by card: credit now. Paid by a delayed method
 * (bank debit): payment_status is still unpaid, and the credit waits for
 * checkout.session.async_payment_succeeded.
 */
export const onCheckoutSessionCompleted: StripeEventHandler = creditCheckoutSession;
