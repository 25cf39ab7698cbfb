/**
 * Support staff's decision on a refund request, with their reason, from the staff
 * console. Approving may refund less than asked, down to part of
 * the money and part of the points, within the rules: the points taken back are unused
 * points of that purchase (so the balance never goes negative), and the money is at
 * most what those points cost, counted over every refund of the order, so money never
 * goes back for points the member keeps or has spent.
 */
import { AppError } from "../errors/app-error";
import { enqueueMail } from "../mail/mail-outbox";
import { logger } from "../observability/logger";
import { ORDERS } from "../orders/order";
import { readPointAccount } from "../points/ledger";
import type { Services } from "../services";
import { humanText } from "../text/human-text";
import { executeRefund } from "./execute-refund";
import { unusedPointsOfLot } from "./points-lots";
import { moneyForPoints, REFUNDS, toRefundView, type RefundView } from "./refund";
import { takeBackPoints } from "./refund-steps";

export interface RefundDecision {
  services: Services;
  refundId: string;
  /** The staff member deciding: recorded on the refund. */
  staffUid: string;
  /** Why: recorded on the refund, and mailed to the member with a rejection. */
  reason: string;
}

const decisionReason = humanText({ field: "reason", maxLength: 1000 });

export async function approveRefund(
  options: RefundDecision & {
    /** Money to return, in the currency's smallest unit. */
    amount: number;
    /** Paid points of the purchase to take back; the share of its bonus that goes with them is withdrawn too. */
    points: number;
  },
): Promise<RefundView> {
  const { services, refundId, amount, points } = options;
  const reason = decisionReason.parse(options.reason);
  if (!Number.isSafeInteger(amount) || !Number.isSafeInteger(points) || amount <= 0 || points < 0)
    throw new AppError("VALIDATION_FAILED", "validation.invalidType", {
      diagnostic: "A refund returns a positive whole amount and takes back a whole number of points.",
    });
  await services.db.runTransaction(async (tx) => {
    const refund = await tx.get(REFUNDS, refundId);
    if (!refund) throw new AppError("NOT_FOUND", "refund.notFound");
    if (refund.data.status !== "requested") throw new AppError("INVALID_STATE", "refund.decided");
    const order = await tx.get(ORDERS, refund.data.orderId);
    if (!order) throw new AppError("NOT_FOUND", "order.notFound");
    const account = await readPointAccount(tx, refund.data.uid);
    const unused = await unusedPointsOfLot(tx, account, order);
    if (points > unused) throw new AppError("INVALID_STATE", "refund.tooManyPoints", { values: { points: unused } });
    const pointsAfter = order.data.refundedPoints + points;
    const maxAmount = moneyForPoints(order.data, pointsAfter) - order.data.refundedAmount;
    if (amount > maxAmount)
      throw new AppError("INVALID_STATE", "refund.tooMuch", {
        values: { amount: Math.max(0, maxAmount), points: unused },
        details: { maxAmount: Math.max(0, maxAmount), unusedPoints: unused },
      });
    const now = services.clock.now();
    const taken = takeBackPoints(tx, { account, order, refundId, lotPoints: points, now });
    tx.update(ORDERS, order.id, { refundedPoints: taken.refundedPoints });
    tx.update(REFUNDS, refundId, {
      status: "processing",
      amount,
      lotPoints: points,
      points: taken.points,
      pointsShortfall: taken.shortfall,
      decidedBy: options.staffUid,
      decisionReason: reason,
      decidedAt: now.toISOString(),
    });
  });
  logger.info("refund.approved", { refundId, staffUid: options.staffUid });
  return executeRefund({ services, refundId });
}

/** Rejects a request, keeping staff's reason and mailing it to the member. */
export async function rejectRefund(options: RefundDecision): Promise<RefundView> {
  const { services, refundId } = options;
  const reason = decisionReason.parse(options.reason);
  const view = await services.db.runTransaction(async (tx) => {
    const refund = await tx.get(REFUNDS, refundId);
    if (!refund) throw new AppError("NOT_FOUND", "refund.notFound");
    if (refund.data.status !== "requested") throw new AppError("INVALID_STATE", "refund.decided");
    const now = services.clock.now();
    const decided = {
      status: "rejected" as const,
      decidedBy: options.staffUid,
      decisionReason: reason,
      decidedAt: now.toISOString(),
    };
    tx.update(REFUNDS, refundId, decided);
    enqueueMail(tx, { uid: refund.data.uid, template: "refund-rejected", refId: refundId, now });
    return toRefundView(refundId, { ...refund.data, ...decided });
  });
  logger.info("refund.rejected", { refundId, staffUid: options.staffUid });
  return view;
}
