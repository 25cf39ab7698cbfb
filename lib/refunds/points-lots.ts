/**
 * Points lots: which purchase the paid points a member has left belong to.
 *
 * Each paid order is a lot of paid points: its package's points less those refunded
 * (its bonus points are not in it). Spending uses paid points first, from the oldest
 * lot (the terms, article 7(2); lib/points/ledger.ts), so the paid points left are
 * those of the newest lots. A lot is unused to the extent that the paid
 * points left still reach it once every newer lot is counted; a refund may take back at
 * most that, so it never returns money for points already spent, and the points it
 * returns money for are gone from the balance with it.
 */
import type { Doc, Transaction } from "../db/database";
import { ORDERS, type Order } from "../orders/order";
import type { PointAccount } from "../points/ledger";

/** The unused points of a paid order's lot. Runs in the caller's transaction, before its writes. */
export async function unusedPointsOfLot(tx: Transaction, account: PointAccount, order: Doc<Order>): Promise<number> {
  const paidAt = order.data.paidAt;
  if (!paidAt) return 0;
  const sameOrNewer = await tx.query({
    collection: ORDERS,
    where: [
      { field: "uid", op: "==", value: order.data.uid },
      { field: "paidAt", op: ">=", value: paidAt },
    ],
    orderBy: [{ field: "paidAt", direction: "asc" }],
  });
  const newerLots = sameOrNewer
    .filter((other) => isNewer(other, order))
    .reduce((sum, other) => sum + lotSize(other.data), 0);
  const paidLeft = account.balance - account.freeBalance;
  return Math.max(0, Math.min(lotSize(order.data), paidLeft - newerLots));
}

export function lotSize(order: Order): number {
  return order.points - order.bonusPoints - order.refundedPoints;
}

/** Lots are spent in payment order; two paid in the same millisecond, in id order. */
function isNewer(other: Doc<Order>, than: Doc<Order>): boolean {
  const a = other.data.paidAt ?? "";
  const b = than.data.paidAt ?? "";
  return a > b || (a === b && other.id > than.id);
}
