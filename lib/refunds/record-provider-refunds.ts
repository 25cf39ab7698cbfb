/**
 * Refunds learnt from the provider: ours settling there (a Stripe refund pending for
 * days), and ones made outside the product (in the provider's dashboard, a
 * chargeback). Webhooks only say that something changed; the provider's own list of
 * the payment's refunds is what is recorded, each refund once, by its provider id.
 *
 * A refund made at the provider has already returned the money, so its points are
 * taken back as far as the balance allows: the purchase's paid points first, then free
 * ones, never below zero. What could not be taken back (points already spent) is kept
 * on the refund as its shortfall, for staff to follow up.
 */
import { randomUUID } from "node:crypto";
import type { Doc, Transaction } from "../db/database";
import { AppError } from "../errors/app-error";
import { enqueueMail } from "../mail/mail-outbox";
import { logger } from "../observability/logger";
import { ORDERS, PAID_STATUSES, type Order } from "../orders/order";
import type { Currency, ProviderRefund } from "../payments/payment-provider";
import { readPointAccount, type PointAccount } from "../points/ledger";
import type { Services } from "../services";
import { recordAnswer } from "./execute-refund";
import { lotSize } from "./points-lots";
import { pointsForMoney, REFUNDS, type Refund, type RefundOrigin } from "./refund";
import { readPointsTaken, refundedStatus, returnPoints, takeBackPoints } from "./refund-steps";

/** Reads the payment's refunds from its provider and records what changed. Answers how many refunds it recorded or settled. */
export async function syncProviderRefunds(options: { services: Services; orderId: string }): Promise<number> {
  const { services, orderId } = options;
  const order = await services.db.get(ORDERS, orderId);
  if (!order || !PAID_STATUSES.has(order.data.status) || !order.data.providerPaymentId) return 0;
  const provider = services.paymentProviders[order.data.provider];
  if (!provider?.listRefunds) return 0;
  const refunds = await provider.listRefunds({ orderId, providerPaymentId: order.data.providerPaymentId });
  let changed = 0;
  for (const refund of refunds) {
    if (await recordProviderRefund(services, orderId, refund)) changed++;
  }
  return changed;
}

async function recordProviderRefund(services: Services, orderId: string, answer: ProviderRefund): Promise<boolean> {
  const ours = answer.refundId ? await services.db.get(REFUNDS, answer.refundId) : null;
  if (ours && ours.data.orderId === orderId) {
    if (ours.data.status !== "processing" || answer.status === "pending") return false;
    await recordAnswer(services, ours.id, answer.status === "failed" ? { refused: "refund_failed" } : { answer });
    return true;
  }
  if (answer.status !== "succeeded") return false;
  return services.db.runTransaction(async (tx) => {
    const known = await tx.query({ collection: REFUNDS, where: [{ field: "orderId", op: "==", value: orderId }] });
    if (known.some((refund) => refund.data.providerRefundId === answer.providerRefundId)) return false;
    const order = await tx.get(ORDERS, orderId);
    if (!order) throw new AppError("NOT_FOUND", "order.notFound");
    const refundId = randomUUID();
    recordMoneyTakenBack(tx, {
      order,
      refundId,
      origin: answer.disputeId ? "dispute" : "provider",
      providerRefundId: answer.providerRefundId,
      amount: answer.amount,
      currency: answer.currency,
      account: await readPointAccount(tx, order.data.uid),
      now: services.clock.now(),
    });
    logger.info("refund.recorded_from_provider", { refundId, orderId, provider: order.data.provider });
    return true;
  });
}

/** A chargeback as the provider describes it now (re-read by its id, never taken from a webhook body). */
export interface ProviderDispute {
  disputeId: string;
  amount: number;
  currency: Currency;
  /** Whether the money is with the buyer (open or lost) or came back to us (won). */
  outcome: "funds-withdrawn" | "won" | "no-funds-moved";
}

/**
 * A chargeback: while the money is withdrawn it counts as a refund (points taken back
 * as for any refund made at the provider); if we win it, the money comes back, and so
 * do the points taken.
 */
export async function recordDispute(options: {
  services: Services;
  orderId: string;
  dispute: ProviderDispute;
}): Promise<"recorded" | "reversed" | "unchanged"> {
  const { services, orderId, dispute } = options;
  if (dispute.outcome === "no-funds-moved") return "unchanged";
  const result = await services.db.runTransaction(async (tx) => {
    const known = (
      await tx.query({ collection: REFUNDS, where: [{ field: "orderId", op: "==", value: orderId }] })
    ).find((refund) => refund.data.providerRefundId === dispute.disputeId);
    const order = await tx.get(ORDERS, orderId);
    if (!order || !PAID_STATUSES.has(order.data.status)) throw new AppError("NOT_FOUND", "order.notFound");
    const account = await readPointAccount(tx, order.data.uid);
    const now = services.clock.now();
    if (dispute.outcome === "funds-withdrawn") {
      if (known) return "unchanged";
      recordMoneyTakenBack(tx, {
        order,
        refundId: randomUUID(),
        origin: "dispute",
        providerRefundId: dispute.disputeId,
        amount: dispute.amount,
        currency: dispute.currency,
        account,
        now,
      });
      return "recorded";
    }
    if (!known || known.data.status !== "succeeded") return "unchanged";
    const taken = await readPointsTaken(tx, known);
    const lot = returnPoints(tx, { account, taken, refund: known, order, why: "dispute-won", now });
    const refundedAmount = order.data.refundedAmount - known.data.amount;
    tx.update(ORDERS, orderId, { ...lot, refundedAmount, status: refundedStatus(order.data.amount, refundedAmount) });
    tx.update(REFUNDS, known.id, { status: "reversed", completedAt: now.toISOString() });
    return "reversed";
  });
  if (result !== "unchanged") logger.info("refund.dispute", { orderId, disputeId: dispute.disputeId, result });
  return result;
}

/** Records money the provider already returned, and takes back the points it paid for, as far as the balance allows. */
function recordMoneyTakenBack(
  tx: Transaction,
  options: {
    order: Doc<Order>;
    refundId: string;
    origin: RefundOrigin;
    providerRefundId: string;
    amount: number;
    currency: Currency;
    account: PointAccount;
    now: Date;
  },
): void {
  const { order, now } = options;
  const lotPoints = Math.min(pointsForMoney(order.data, options.amount), lotSize(order.data));
  const taken = takeBackPoints(tx, { account: options.account, order, refundId: options.refundId, lotPoints, now });
  const refund: Refund = {
    uid: order.data.uid,
    orderId: order.id,
    provider: order.data.provider,
    origin: options.origin,
    status: "succeeded",
    amount: options.amount,
    currency: options.currency,
    lotPoints,
    points: taken.points,
    pointsShortfall: taken.shortfall,
    review: null,
    providerRefundId: options.providerRefundId,
    failureCode: null,
    decidedBy: null,
    decisionReason: null,
    requestedAt: now.toISOString(),
    decidedAt: null,
    completedAt: now.toISOString(),
  };
  const refundedAmount = order.data.refundedAmount + options.amount;
  tx.create(REFUNDS, options.refundId, refund);
  tx.update(ORDERS, order.id, {
    refundedPoints: taken.refundedPoints,
    refundedAmount,
    status: refundedStatus(order.data.amount, refundedAmount),
  });
  enqueueMail(tx, { uid: order.data.uid, template: "refund-confirmation", refId: options.refundId, now });
}
