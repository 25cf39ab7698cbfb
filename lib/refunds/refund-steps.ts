/**
 * The steps every refund shares, each inside the caller's transaction: taking the
 * points back when a refund starts, settling it or giving the points back when the
 * provider answers. Each ledger movement has an id derived from the refund, so a step
 * repeated by a retry or a second worker cannot move points twice.
 */
import type { Doc, Transaction } from "../db/database";
import { enqueueMail } from "../mail/mail-outbox";
import { ORDERS, type Order, type OrderStatus } from "../orders/order";
import { appendLedgerEntry, ledgerEntryId, POINT_ENTRIES, type PointAccount, type PointEntry } from "../points/ledger";
import { bonusShare, REFUNDS, type Refund } from "./refund";

export interface PointsTakenBack {
  /** Taken off the balance. */
  points: number;
  /** Due and already spent. */
  shortfall: number;
  /** The order's lot after the refund. */
  refundedPoints: number;
}

/**
 * Takes `lotPoints` paid points of the purchase and the share of its bonus that goes with
 * them off the balance, as far as it allows: paid points first, then bonus points,
 * never below zero. A refund the member or staff asked for only takes unused paid
 * points, so only a spent bonus can fall short; one made at the provider may fall short
 * of points already spent.
 */
export function takeBackPoints(
  tx: Transaction,
  options: { account: PointAccount; order: Doc<Order>; refundId: string; lotPoints: number; now: Date },
): PointsTakenBack {
  const { account, order, lotPoints } = options;
  const due = lotPoints + bonusShare(order.data, lotPoints);
  const paid = Math.min(lotPoints, account.balance - account.freeBalance);
  const free = Math.min(due - paid, account.freeBalance);
  if (paid + free > 0)
    appendLedgerEntry(tx, account, {
      uniqueBy: `refund:${options.refundId}`,
      kind: "refund",
      amount: -(paid + free),
      freeAmount: -free,
      reason: `Refund of order ${order.id.slice(0, 8)}`,
      orderId: order.id,
      now: options.now,
    });
  return { points: paid + free, shortfall: due - paid - free, refundedPoints: order.data.refundedPoints + lotPoints };
}

/** The ledger entry that took a refund's points, read before the transaction writes, to give them back exactly. */
export async function readPointsTaken(tx: Transaction, refund: Doc<Refund>): Promise<PointEntry | null> {
  return (await tx.get(POINT_ENTRIES, ledgerEntryId(refund.data.uid, `refund:${refund.id}`)))?.data ?? null;
}

/** Gives a refund's points back (the provider refused it, or a chargeback was won), to where they were taken from. */
export function returnPoints(
  tx: Transaction,
  options: {
    account: PointAccount;
    taken: PointEntry | null;
    refund: Doc<Refund>;
    order: Doc<Order>;
    why: "refused" | "dispute-won";
    now: Date;
  },
): Pick<Order, "refundedPoints"> {
  const { taken, refund, order } = options;
  if (taken)
    appendLedgerEntry(tx, options.account, {
      uniqueBy: `refund-${options.why}:${refund.id}`,
      kind: "refund",
      amount: -taken.amount,
      freeAmount: -taken.freeAmount,
      reason:
        options.why === "refused"
          ? `Refund of order ${order.id.slice(0, 8)} refused by the provider: points returned`
          : `Chargeback of order ${order.id.slice(0, 8)} won: points returned`,
      orderId: order.id,
      now: options.now,
    });
  return { refundedPoints: order.data.refundedPoints - refund.data.lotPoints };
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

export function refundedStatus(amount: number, refundedAmount: number): OrderStatus {
  return refundedAmount >= amount ? "refunded" : refundedAmount > 0 ? "partially_refunded" : "paid";
}
