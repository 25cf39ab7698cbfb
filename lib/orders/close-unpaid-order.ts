import { AppError } from "../errors/app-error";
import { logger } from "../observability/logger";
import type { PaymentProviderId } from "../payments/payment-provider";
import type { Services } from "../services";
import { WEBHOOK_DELIVERIES, webhookDelivery, webhookDeliveryId } from "../webhooks/webhook-delivery";
import { ORDERS, type OrderStatus } from "./order";

export interface CloseUnpaidOrderOptions {
  services: Services;
  orderId: string;
  provider: PaymentProviderId;
  /** failed: the provider refused the payment; expired: its checkout closed with nothing paid. */
  outcome: "failed" | "expired";
  /** The webhook event this answers, recorded in the same transaction: a replay of it changes nothing. */
  delivery?: { provider: string; id: string };
}

const OPEN: ReadonlySet<OrderStatus> = new Set(["pending", "waiting_for_deposit"]);

/**
 * The provider says an order will not be paid. An order still waiting is closed; one
 * already paid, canceled or closed is left as it is (a late or repeated report).
 */
export async function closeUnpaidOrder(options: CloseUnpaidOrderOptions): Promise<"closed" | "unchanged"> {
  const { db, clock } = options.services;
  const { delivery } = options;
  const deliveryDoc = delivery && webhookDeliveryId(delivery.provider, delivery.id);
  const closed = await db.runTransaction(async (tx) => {
    const replayed = deliveryDoc ? (await tx.get(WEBHOOK_DELIVERIES, deliveryDoc)) !== null : false;
    const doc = await tx.get(ORDERS, options.orderId);
    if (!doc || doc.data.provider !== options.provider) throw new AppError("NOT_FOUND", "order.notFound");
    if (replayed) return false;
    const now = clock.now();
    if (deliveryDoc && delivery) tx.set(WEBHOOK_DELIVERIES, deliveryDoc, webhookDelivery(delivery.provider, now));
    if (!OPEN.has(doc.data.status)) return false;
    tx.update(
      ORDERS,
      doc.id,
      options.outcome === "failed" ? { status: "failed", failedAt: now.toISOString() } : { status: "expired" },
    );
    return true;
  });
  if (closed) logger.info(`order.${options.outcome}`, { orderId: options.orderId, provider: options.provider });
  return closed ? "closed" : "unchanged";
}
