import { WEBHOOK_DELIVERIES, webhookDelivery, webhookDeliveryId } from "../../webhooks/webhook-delivery";
import type { Services } from "../../services";
import type { StripeEventOutcome } from "./stripe-event-context";

/** Records an event that changes nothing, so its repeats are answered without asking Stripe again. */
export async function recordStripeEvent<T extends StripeEventOutcome>(
  context: { services: Services; delivery: { provider: string; id: string } },
  outcome: T,
): Promise<T> {
  const { services, delivery } = context;
  await services.db.runTransaction(async (tx) => {
    tx.set(
      WEBHOOK_DELIVERIES,
      webhookDeliveryId(delivery.provider, delivery.id),
      webhookDelivery(delivery.provider, services.clock.now()),
    );
  });
  return outcome;
}
