/**
 * The steps every refund shares, each inside the caller's transaction after its reads:
 * taking the points back when a refund starts, and settling or failing it when the
 * provider answers. Each ledger movement has an id derived from the refund, so a
 * step repeated by a retry or a second worker cannot move points twice.
 */
import type { Doc, Transaction } from "../db/database";
import { enqueueMail } from "../mail/mail-outbox";
import { ORDERS, type Order, type OrderStatus } from "../orders/order";
import { appendLedgerEntry, type PointAccount } from "../points/ledger";
import { REFUNDS, type Refund } from "./refund";

/** Takes a refund's points out of the balance and its purchase's lot. */
export function takeBackPoints(
  tx: Transaction,
  options: {
    account: PointAccount;
    order: Doc<Order>;
    refundId: string;
    points: number;
    /** How many of the lot's points to remove from it (more than `points` when some were spent already). */
    lotPoints?: number;
    /** Free points taken too (a refund made at the provider for points partly spent); 0 otherwise. */
    freePoints?: number;
    now: Date;
  },
): Pick<Order, "refundedPoints"> {
  const { order, points } = options;
  if (points > 0)
    appendLedgerEntry(tx, options.account, {
      uniqueBy: `refund:${options.refundId}`,
      kind: "refund",
      amount: -points,
      freeAmount: -(options.freePoints ?? 0),
      reason: `Refund of order ${order.id.slice(0, 8)}`,
      orderId: order.id,
      now: options.now,
    });
  return { refundedPoints: order.data.refundedPoints + (options.lotPoints ?? points) };
}

/** The provider returned the money: the refund is done, the order says so, and the buyer is mailed. */
export function settleRefund(
  tx: Transaction,
  options: { refund: Doc<Refund>; order: Doc<Order>; providerRefundId: string; now: Date },
): void {
  const { refund, order, now } = options;
  const refundedAmount = order.data.refundedAmount + refund.data.amount;
  tx.update(REFUNDS, refund.id, {
    status: "succeeded",
    providerRefundId: options.providerRefundId,
    completedAt: now.toISOString(),
  });
  tx.update(ORDERS, order.id, { refundedAmount, status: refundedStatus(order.data.amount, refundedAmount) });
  enqueueMail(tx, { uid: refund.data.uid, template: "refund-confirmation", refId: refund.id, now });
}

/** The provider refused: the points come back to the balance and the lot, and the refund says why. */
export function failRefund(
  tx: Transaction,
  options: { refund: Doc<Refund>; order: Doc<Order>; account: PointAccount; failureCode: string; now: Date },
): void {
  const { refund, order, now } = options;
  if (refund.data.points > 0)
    appendLedgerEntry(tx, options.account, {
      uniqueBy: `refund-failed:${refund.id}`,
      kind: "refund",
      amount: refund.data.points,
      freeAmount: 0,
      reason: `Refund of order ${order.id.slice(0, 8)} refused by the provider: points returned`,
      orderId: order.id,
      now,
    });
  tx.update(REFUNDS, refund.id, { status: "failed", failureCode: options.failureCode, completedAt: now.toISOString() });
  tx.update(ORDERS, order.id, { refundedPoints: order.data.refundedPoints - refund.data.points });
}

export function refundedStatus(amount: number, refundedAmount: number): OrderStatus {
  return refundedAmount >= amount ? "refunded" : refundedAmount > 0 ? "partially_refunded" : "paid";
}
