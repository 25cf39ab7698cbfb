import type { Services } from "../../services";
import type { CheckoutSessionRecord } from "./stripe-checkout";

/** What an event handler is given: the session as Stripe reports it now, and our order it belongs to. */
export interface StripeEventContext {
  services: Services;
  orderId: string;
  session: CheckoutSessionRecord;
  /** Recorded in the same transaction as the handler's effect. */
  delivery: { provider: "stripe"; id: string };
}

/**
 * handled: the order was changed, or already was as the event says. ignored: nothing
 * to do (not ours, not yet paid, an event type we do not act on). replayed: this event
 * was handled before. refused: the session contradicts the order (amount, another
 * payment); recorded and logged for staff, since a retry would not change the answer.
 */
export type StripeEventOutcome = "handled" | "ignored" | "replayed" | "refused";

export type StripeEventHandler = (context: StripeEventContext) => Promise<StripeEventOutcome>;
