/**
 * Asks the provider to return the money of a refund whose points were taken back
 * (status processing), and records its answer. Safe to run any number of times, by the
 * request that approved the refund or by the sweep after a crash or a timeout: the
 * provider is asked with the refund's id as its idempotency key, so the money goes
 * back once, and a refund no longer processing is left as it is.
 */
import { randomUUID } from "node:crypto";
import { AppError, isAppError } from "../errors/app-error";
import { logger } from "../observability/logger";
import { ORDERS } from "../orders/order";
import type { ProviderRefund } from "../payments/payment-provider";
import { readPointAccount } from "../points/ledger";
import type { Services } from "../services";
import { REFUNDS, toRefundView, type Refund, type RefundView } from "./refund";
import { readPointsTaken, returnPoints, settleRefund } from "./refund-steps";

export async function executeRefund(options: { services: Services; refundId: string }): Promise<RefundView> {
  const { services, refundId } = options;
  const refund = await services.db.get(REFUNDS, refundId);
  if (!refund) throw new AppError("NOT_FOUND", "refund.notFound");
  if (refund.data.status !== "processing") return toRefundView(refund.id, refund.data);
  const order = await services.db.get(ORDERS, refund.data.orderId);
  const provider = services.paymentProviders[refund.data.provider];
  if (!order?.data.providerPaymentId || !provider?.refundPayment)
    throw new AppError("INTERNAL", "service.internal", {
      diagnostic: `Refund ${refundId} is processing but its order or provider cannot refund.`,
    });
  let answer: ProviderRefund;
  try {
    answer = await provider.refundPayment({
      refundId,
      orderId: order.id,
      providerPaymentId: order.data.providerPaymentId,
      amount: refund.data.amount,
      currency: refund.data.currency,
    });
  } catch (error) {
    if (isAppError(error, "PROVIDER_REFUSED"))
      return recordAnswer(services, refundId, { refused: providerCode(error) });
    if (!isAppError(error, "PROVIDER_FAILED")) throw error;
    // Not asked, or no answer: still processing; the sweep asks again with the same key.
    logger.warn("refund.provider_unavailable", { refundId, provider: refund.data.provider });
    return toRefundView(refund.id, refund.data);
  }
  return recordAnswer(services, refundId, answer.status === "failed" ? { refused: "refund_failed" } : { answer });
}

/**
 * Records the provider's answer about a processing refund: succeeded settles it,
 * pending keeps it processing with the provider's id (the sweep reads it again), a
 * refusal gives the points back. A refusal of the member's own withdrawal opens a
 * request for staff in its place, so the member is not left without an answer.
 */
export async function recordAnswer(
  services: Services,
  refundId: string,
  outcome: { answer: ProviderRefund } | { refused: string },
): Promise<RefundView> {
  const view = await services.db.runTransaction(async (tx) => {
    const refund = await tx.get(REFUNDS, refundId);
    if (!refund) throw new AppError("NOT_FOUND", "refund.notFound");
    if (refund.data.status !== "processing") return toRefundView(refund.id, refund.data);
    const order = await tx.get(ORDERS, refund.data.orderId);
    if (!order) throw new AppError("NOT_FOUND", "order.notFound");
    const account = await readPointAccount(tx, refund.data.uid);
    const taken = await readPointsTaken(tx, refund);
    const now = services.clock.now();
    if ("refused" in outcome) {
      const lot = returnPoints(tx, { account, taken, refund, order, why: "refused", now });
      tx.update(ORDERS, order.id, lot);
      tx.update(REFUNDS, refund.id, { status: "failed", failureCode: outcome.refused, completedAt: now.toISOString() });
      if (refund.data.origin === "withdrawal") {
        const request: Refund = {
          ...refund.data,
          origin: "request",
          status: "requested",
          review: "provider-refused",
          points: 0,
          pointsShortfall: 0,
          failureCode: outcome.refused,
          completedAt: null,
        };
        tx.create(REFUNDS, randomUUID(), request);
      }
      return toRefundView(refund.id, { ...refund.data, status: "failed", failureCode: outcome.refused });
    }
    const { answer } = outcome;
    if (answer.status === "pending") {
      tx.update(REFUNDS, refund.id, { providerRefundId: answer.providerRefundId });
      return toRefundView(refund.id, refund.data);
    }
    settleRefund(tx, { refund, order, providerRefundId: answer.providerRefundId, now });
    return toRefundView(refund.id, { ...refund.data, status: "succeeded", completedAt: now.toISOString() });
  });
  logger.info("refund.answered", { refundId, status: view.status });
  return view;
}

function providerCode(error: AppError): string {
  const code = error.details?.providerCode;
  return typeof code === "string" ? code.slice(0, 64) : "refused";
}
