/**
 * The buyer's refund of an order (POST /api/orders/{id}/refund). Within the withdrawal
 * period (청약철회, lib/orders/withdrawal-period.ts), a purchase whose points are all
 * unused is refunded at once and in full: its points leave the balance in the same
 * transaction that records the refund, so a generation racing it cannot spend them,
 * and the provider is asked after. Anything else becomes a request for support staff,
 * with the reason it could not be done at once; nothing moves until they decide.
 */
import { randomUUID } from "node:crypto";
import { addDays } from "../clock/clock";
import type { Doc } from "../db/database";
import { AppError } from "../errors/app-error";
import { hashRequest, readIdempotencyKey, recordIdempotencyKey } from "../idempotency/idempotency-key";
import { logger } from "../observability/logger";
import { ORDERS, PAID_STATUSES, type Order } from "../orders/order";
import { WITHDRAWAL_DAYS } from "../orders/withdrawal-period";
import type { PaymentProviders } from "../payments/create-payment-providers";
import { readPointAccount } from "../points/ledger";
import type { Services } from "../services";
import { executeRefund } from "./execute-refund";
import { lotSize, unusedPointsOfLot } from "./points-lots";
import {
  moneyForPoints,
  OPEN_REFUND_STATUSES,
  REFUNDS,
  toRefundView,
  type Refund,
  type RefundReview,
  type RefundView,
} from "./refund";
import { takeBackPoints } from "./refund-steps";

const SCOPE = "refund";

export async function requestRefund(options: {
  services: Services;
  uid: string;
  orderId: string;
  idempotencyKey: string;
}): Promise<RefundView> {
  const { services, uid, orderId } = options;
  const keyOptions = { uid, scope: SCOPE, key: options.idempotencyKey, requestHash: hashRequest({ orderId }) };
  const { refundId, refund } = await services.db.runTransaction(async (tx) => {
    const now = services.clock.now();
    const repeatOf = await readIdempotencyKey(tx, { ...keyOptions, now });
    if (repeatOf) {
      const first = await tx.get(REFUNDS, repeatOf);
      if (!first) throw new AppError("NOT_FOUND", "refund.notFound");
      return { refundId: first.id, refund: first.data };
    }
    const order = await tx.get(ORDERS, orderId);
    if (!order || order.data.uid !== uid) throw new AppError("NOT_FOUND", "order.notFound");
    if (!PAID_STATUSES.has(order.data.status) || order.data.status === "refunded")
      throw new AppError("INVALID_STATE", "refund.notRefundable", { values: { status: order.data.status } });
    const open = (
      await tx.query({ collection: REFUNDS, where: [{ field: "orderId", op: "==", value: order.id }] })
    ).find((refund) => OPEN_REFUND_STATUSES.has(refund.data.status));
    if (open) throw new AppError("INVALID_STATE", "refund.alreadyOpen", { details: { refundId: open.id } });
    const account = await readPointAccount(tx, uid);
    const unused = await unusedPointsOfLot(tx, account, order);
    const review = whyNotAtOnce(order, unused, services.paymentProviders, now);
    const id = randomUUID();
    const base = {
      uid,
      orderId: order.id,
      provider: order.data.provider,
      currency: order.data.currency,
      providerRefundId: null,
      failureCode: null,
      decidedBy: null,
      decisionReason: null,
      requestedAt: now.toISOString(),
      decidedAt: null,
      completedAt: null,
    };
    let created: Refund;
    if (review === null) {
      const taken = takeBackPoints(tx, { account, order, refundId: id, lotPoints: unused, now });
      tx.update(ORDERS, order.id, { refundedPoints: taken.refundedPoints });
      created = {
        ...base,
        origin: "withdrawal",
        status: "processing",
        amount: order.data.amount,
        lotPoints: unused,
        points: taken.points,
        pointsShortfall: taken.shortfall,
        review,
      };
    } else {
      // What staff would refund under the rules: the unused paid points, and the money they cost.
      created = {
        ...base,
        origin: "request",
        status: "requested",
        amount: moneyForPoints(order.data, unused),
        lotPoints: unused,
        points: 0,
        pointsShortfall: 0,
        review,
      };
    }
    tx.create(REFUNDS, id, created);
    recordIdempotencyKey(tx, { ...keyOptions, resultId: id, now });
    return { refundId: id, refund: created };
  });
  logger.info("refund.requested", { refundId, orderId, origin: refund.origin, review: refund.review });
  // A repeat of a request still processing (the first one timed out) asks the provider again, with the same key.
  return refund.status === "processing" ? executeRefund({ services, refundId }) : toRefundView(refundId, refund);
}

function whyNotAtOnce(order: Doc<Order>, unused: number, providers: PaymentProviders, now: Date): RefundReview | null {
  const { data } = order;
  if (data.refundedAmount > 0 || data.refundedPoints > 0) return "partly-refunded";
  if (!data.paidAt || addDays(new Date(data.paidAt), WITHDRAWAL_DAYS) <= now) return "withdrawal-period-over";
  if (unused < lotSize(data)) return "points-used";
  // A virtual account's money goes back to a bank account the buyer names; we never ask for one.
  if (data.tossDepositSecretHash) return "needs-bank-account";
  if (!providers[data.provider]?.refundPayment) return "provider-cannot-refund";
  return null;
}
