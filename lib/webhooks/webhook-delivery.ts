/**
 * Provider webhook deliveries already acted on, so a replayed delivery (the same
 * signed request sent again, by the provider's retry or by someone who captured it)
 * changes nothing. Kept a day: far past the signature's tolerance, after which a
 * replay is refused for its timestamp anyway.
 */
import { createHash } from "node:crypto";
import { WEBHOOK_DELIVERIES } from "../privacy/data-inventory";

export { WEBHOOK_DELIVERIES };
export const WEBHOOK_DELIVERY_RETENTION_DAYS = 1;

export interface WebhookDelivery {
  provider: string;
  receivedAt: string;
  expiresAt: string;
}

/** The document id of a delivery: the provider's id is any string, so it is hashed into a safe one. */
export function webhookDeliveryId(provider: string, deliveryId: string): string {
  return `${provider}-${createHash("sha256").update(deliveryId).digest("hex").slice(0, 40)}`;
}

export function webhookDelivery(provider: string, now: Date): WebhookDelivery {
  return {
    provider,
    receivedAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + WEBHOOK_DELIVERY_RETENTION_DAYS * 86_400_000).toISOString(),
  };
}
