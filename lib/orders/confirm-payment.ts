import { AppError } from "../errors/app-error";
import { enqueueMail } from "../mail/mail-outbox";
import { logger } from "../observability/logger";
import { appendLedgerEntry, readPointAccount } from "../points/ledger";
import type { Currency, PaymentProviderId } from "../payments/payment-provider";
import type { Services } from "../services";
import { plural } from "../text/plural";
import { WEBHOOK_DELIVERIES, webhookDelivery, webhookDeliveryId } from "../webhooks/webhook-delivery";
import { ORDERS, PAID_STATUSES, toOrderView, type OrderStatus, type OrderView } from "./order";

/**
 * An expired order is still confirmable: the provider may finish a payment at the edge
 * of the window (or report it late), and money the provider took must become points.
 */
const CONFIRMABLE: ReadonlySet<OrderStatus> = new Set(["pending", "waiting_for_deposit", "expired"]);

/**
 * The one path by which a payment becomes points, for every provider. The provider's
 * report must match the stored order (provider, amount, currency); the order turns
 * paid, the points are credited and the purchase mail is queued in one transaction,
 * so a repeated confirmation (a retried webhook, a double click) credits nothing more
 * and returns the order.
 */
export async function confirmPayment(options: {
  services: Services;
  orderId: string;
  provider: PaymentProviderId;
  providerPaymentId: string;
  amount: number;
  currency: Currency;
  /** The provider's receipt page, stored on the order for the buyer. */
  receiptUrl?: string | null;
  /** The webhook event this answers, recorded in the same transaction: a replay of it changes nothing. */
  delivery?: { provider: string; id: string };
}): Promise<OrderView> {
  const { db, clock } = options.services;
  const { delivery } = options;
  const deliveryDoc = delivery && webhookDeliveryId(delivery.provider, delivery.id);
  const view = await db.runTransaction(async (tx) => {
    const replayed = deliveryDoc ? (await tx.get(WEBHOOK_DELIVERIES, deliveryDoc)) !== null : false;
    const doc = await tx.get(ORDERS, options.orderId);
    if (!doc || doc.data.provider !== options.provider) throw new AppError("NOT_FOUND", "order.notFound");
    const order = doc.data;
    if (replayed) return { view: toOrderView(doc.id, order), credited: false };
    const recordDelivery = (now: Date) => {
      if (deliveryDoc && delivery) tx.set(WEBHOOK_DELIVERIES, deliveryDoc, webhookDelivery(delivery.provider, now));
    };
    if (order.amount !== options.amount || order.currency !== options.currency) {
      throw new AppError("VALIDATION_FAILED", "order.amountMismatch", { fields: { amount: "order.amountMismatch" } });
    }
    if (PAID_STATUSES.has(order.status)) {
      if (order.providerPaymentId !== options.providerPaymentId) {
        throw new AppError("INVALID_STATE", "order.paidByOtherPayment");
      }
      recordDelivery(clock.now());
      return { view: toOrderView(doc.id, order), credited: false };
    }
    if (!CONFIRMABLE.has(order.status))
      throw new AppError("INVALID_STATE", "order.notPending", { values: { status: order.status } });
    const account = await readPointAccount(tx, order.uid);
    const now = clock.now();
    appendLedgerEntry(tx, account, {
      uniqueBy: `order:${doc.id}`,
      kind: "purchase",
      amount: order.points,
      freeAmount: order.bonusPoints,
      reason: `Purchase: ${plural(order.points, "point")} (order ${doc.id.slice(0, 8)})`,
      orderId: doc.id,
      now,
    });
    const paid = {
      status: "paid" as const,
      providerPaymentId: options.providerPaymentId,
      paidAt: now.toISOString(),
      receiptUrl: options.receiptUrl ?? null,
    };
    tx.update(ORDERS, doc.id, paid);
    recordDelivery(now);
    enqueueMail(tx, { uid: order.uid, template: "purchase-confirmation", refId: doc.id, now });
    return { view: toOrderView(doc.id, { ...order, ...paid }), credited: true };
  });
  if (view.credited)
    logger.info("order.paid", { orderId: options.orderId, provider: options.provider, points: view.view.points });
  return view.view;
}
