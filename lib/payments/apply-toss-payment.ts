import { createHash } from "node:crypto";
import { AppError } from "../errors/app-error";
import { logger } from "../observability/logger";
import { confirmPayment } from "../orders/confirm-payment";
import { ORDERS, PAID_STATUSES, toOrderView, type Order, type OrderView } from "../orders/order";
import { syncProviderRefunds } from "../refunds/record-provider-refunds";
import type { Services } from "../services";
import type { TossPayment } from "./toss-payments-api";

export interface ApplyTossPaymentOptions {
  services: Services;
  orderId: string;
  /** What Toss itself answered: a confirm's response or a fresh read, never a webhook's body. */
  payment: TossPayment;
}

export function depositSecretHash(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}

/**
 * Brings a Toss order in line with the payment as Toss reports it. Only a payment for
 * this order, of its stored amount in won, counts: DONE credits through the one
 * confirm-and-credit path (so a repeat credits nothing), WAITING_FOR_DEPOSIT holds the
 * order for the virtual account's deposit, ABORTED/EXPIRED/CANCELED close an unpaid
 * order. Anything else (READY, IN_PROGRESS) changes nothing. A cancel of a paid order
 * is a refund, which this round does not handle: it is logged and left.
 */
export async function applyTossPayment({ services, orderId, payment }: ApplyTossPaymentOptions): Promise<OrderView> {
  const doc = await services.db.get(ORDERS, orderId);
  if (!doc || doc.data.provider !== "toss") throw new AppError("NOT_FOUND", "order.notFound");
  const order = doc.data;
  const samePayment = order.providerPaymentId === null || order.providerPaymentId === payment.paymentKey;
  if (payment.orderId !== orderId || payment.totalAmount !== order.amount || payment.currency !== order.currency) {
    logger.warn("toss.payment_mismatch", { orderId, status: payment.status });
    throw new AppError("VALIDATION_FAILED", "order.amountMismatch", { fields: { amount: "order.amountMismatch" } });
  }
  if (!samePayment) throw new AppError("INVALID_STATE", "order.paidByOtherPayment");

  switch (payment.status) {
    case "DONE":
      return confirmPayment({
        services,
        orderId,
        provider: "toss",
        providerPaymentId: payment.paymentKey,
        amount: payment.totalAmount,
        currency: order.currency,
        receiptUrl: payment.receiptUrl,
      });
    case "WAITING_FOR_DEPOSIT":
      return awaitDeposit(services, orderId, payment);
    case "ABORTED":
      return closeUnpaidOrder(services, orderId, "failed");
    case "EXPIRED":
      return closeUnpaidOrder(services, orderId, "expired");
    case "CANCELED":
    case "PARTIAL_CANCELED":
      // Money of a paid order went back (our refund, or one made in Toss's dashboard):
      // its cancels, read from Toss, are what the ledger records.
      if (PAID_STATUSES.has(order.status)) {
        await syncProviderRefunds({ services, orderId });
        const refunded = await services.db.get(ORDERS, orderId);
        return toOrderView(orderId, refunded?.data ?? order);
      }
      return closeUnpaidOrder(services, orderId, "canceled");
    case "READY":
    case "IN_PROGRESS":
      return toOrderView(orderId, order);
  }
}

/** A virtual account was issued: the order waits for the deposit until the account's due date. */
async function awaitDeposit(services: Services, orderId: string, payment: TossPayment): Promise<OrderView> {
  if (!payment.secret) throw new AppError("PROVIDER_FAILED", "order.tossUnavailable");
  const secretHash = depositSecretHash(payment.secret);
  return services.db.runTransaction(async (tx) => {
    const doc = await tx.get(ORDERS, orderId);
    if (!doc) throw new AppError("NOT_FOUND", "order.notFound");
    if (doc.data.status !== "pending" && doc.data.status !== "expired") return toOrderView(orderId, doc.data);
    const waiting: Partial<Order> = {
      status: "waiting_for_deposit",
      providerPaymentId: payment.paymentKey,
      tossDepositSecretHash: secretHash,
      expiresAt: payment.depositDueDate ? new Date(payment.depositDueDate).toISOString() : doc.data.expiresAt,
      receiptUrl: payment.receiptUrl,
    };
    tx.update(ORDERS, orderId, waiting);
    logger.info("order.waiting_for_deposit", { orderId });
    return toOrderView(orderId, { ...doc.data, ...waiting });
  });
}

async function closeUnpaidOrder(
  services: Services,
  orderId: string,
  status: "failed" | "expired" | "canceled",
): Promise<OrderView> {
  const now = services.clock.now().toISOString();
  return services.db.runTransaction(async (tx) => {
    const doc = await tx.get(ORDERS, orderId);
    if (!doc) throw new AppError("NOT_FOUND", "order.notFound");
    if (doc.data.status !== "pending" && doc.data.status !== "waiting_for_deposit")
      return toOrderView(orderId, doc.data);
    const closed: Partial<Order> =
      status === "canceled"
        ? { status, canceledAt: now }
        : status === "failed"
          ? { status, failedAt: now }
          : { status };
    tx.update(ORDERS, orderId, closed);
    logger.info("order.closed", { orderId, status });
    return toOrderView(orderId, { ...doc.data, ...closed });
  });
}
