/**
 * What closing the account would do, told before the member confirms: the points that
 * would lapse (the terms, article 9) and what holds the withdrawal back for now.
 */
import type { Database } from "../db/database";
import { GENERATIONS, isFinished } from "../generation/generation-job";
import { ORDERS } from "../orders/order";
import { POINT_ACCOUNTS } from "../points/ledger";
import { OPEN_REFUND_STATUSES, REFUNDS } from "../refunds/refund";
import type { Services } from "../services";

/**
 * Why a withdrawal must wait. refund-open: a refund is being reviewed or paid out; the
 * terms (article 9(2)) promise it is completed before the account closes. payment-open:
 * an order may still be paid, and its points would have nowhere to go.
 * generation-open: a job would write images after they were destroyed.
 */
export type WithdrawalBlocker = "refund-open" | "payment-open" | "generation-open";

export interface WithdrawalPreview {
  /** Points that lapse on closing, bonus points included. */
  pointsLapsing: number;
  /** Of those, paid points: refundable on request before closing, lost after. */
  paidPointsLapsing: number;
  blockers: WithdrawalBlocker[];
}

export async function findWithdrawalBlockers(db: Database, uid: string): Promise<WithdrawalBlocker[]> {
  const [refunds, orders, generations] = await Promise.all([
    db.query({ collection: REFUNDS, where: [{ field: "uid", op: "==", value: uid }] }),
    db.query({ collection: ORDERS, where: [{ field: "uid", op: "==", value: uid }] }),
    db.query({ collection: GENERATIONS, where: [{ field: "uid", op: "==", value: uid }] }),
  ]);
  const blockers: WithdrawalBlocker[] = [];
  if (refunds.some(({ data }) => OPEN_REFUND_STATUSES.has(data.status))) blockers.push("refund-open");
  if (orders.some(({ data }) => data.status === "pending" || data.status === "waiting_for_deposit"))
    blockers.push("payment-open");
  if (generations.some(({ data }) => !isFinished(data.status))) blockers.push("generation-open");
  return blockers;
}

export async function describeWithdrawal(options: { services: Services; uid: string }): Promise<WithdrawalPreview> {
  const { db } = options.services;
  const account = await db.get(POINT_ACCOUNTS, options.uid);
  const balance = account?.data.balance ?? 0;
  return {
    pointsLapsing: balance,
    paidPointsLapsing: balance - (account?.data.freeBalance ?? 0),
    blockers: await findWithdrawalBlockers(db, options.uid),
  };
}
