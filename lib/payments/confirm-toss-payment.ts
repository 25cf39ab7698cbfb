import { createHash } from "node:crypto";
import { z } from "zod";
import { AppError } from "../errors/app-error";
import { logger } from "../observability/logger";
import { ORDERS, toOrderView, type OrderView } from "../orders/order";
import type { Services } from "../services";
import { applyTossPayment } from "./apply-toss-payment";
import { requireTossProvider } from "./toss-payment-provider";
import {
  isRetryableTossCode,
  TossApiError,
  TossUnavailableError,
  type TossPayment,
  type TossPaymentsApi,
} from "./toss-payments-api";

export const confirmTossPaymentInput = z.object({
  paymentKey: z.string().min(1).max(200),
  orderId: z.string().min(1).max(64),
  amount: z.number().int().positive(),
});

export interface ConfirmTossPaymentOptions {
  services: Services;
  uid: string;
  /** What Toss's success redirect gave the browser: paymentKey, orderId, amount. */
  input: unknown;
}

/**
 * The buyer came back from Toss's widget: confirm that payment for the member's own
 * order. The browser's word is checked against the stored order first, so a changed
 * amount or another member's order never reaches Toss. The confirm carries an
 * Idempotency-Key derived from the order and the payment, so a retry (ours after a
 * timeout, or the browser's) gets Toss's first answer and credits once.
 */
export async function confirmTossPayment({ services, uid, input }: ConfirmTossPaymentOptions): Promise<OrderView> {
  const toss = requireTossProvider(services.paymentProviders);
  const { paymentKey, orderId, amount } = confirmTossPaymentInput.parse(input);
  const doc = await services.db.get(ORDERS, orderId);
  if (!doc || doc.data.uid !== uid || doc.data.provider !== "toss") throw new AppError("NOT_FOUND", "order.notFound");
  const order = doc.data;
  if (amount !== order.amount)
    throw new AppError("VALIDATION_FAILED", "order.amountMismatch", { fields: { amount: "order.amountMismatch" } });
  if (order.status === "paid" || order.status === "waiting_for_deposit") {
    // The success page loaded again: the order already took this payment.
    if (order.providerPaymentId !== paymentKey) throw new AppError("INVALID_STATE", "order.paidByOtherPayment");
    return toOrderView(orderId, order);
  }
  // An expired order is still confirmable (lib/orders/confirm-payment.ts): the buyer may finish at the window's edge.
  if (order.status !== "pending" && order.status !== "expired")
    throw new AppError("INVALID_STATE", "order.notPending", { values: { status: order.status } });

  const payment = await confirmAtToss(toss.api, { paymentKey, orderId, amount });
  return applyTossPayment({ services, orderId, payment });
}

async function confirmAtToss(
  api: TossPaymentsApi,
  request: { paymentKey: string; orderId: string; amount: number },
): Promise<TossPayment> {
  const idempotencyKey = `confirm-${createHash("sha256").update(`${request.orderId}:${request.paymentKey}`).digest("hex")}`;
  try {
    return await api.confirm(request, idempotencyKey);
  } catch (error) {
    if (error instanceof TossApiError && error.code === "ALREADY_PROCESSED_PAYMENT") {
      // Confirmed before (a confirm whose answer was lost): only Toss's own record says how it ended.
      const payment = await readPayment(api, request.paymentKey);
      if (payment.status !== "DONE" && payment.status !== "WAITING_FOR_DEPOSIT")
        throw new AppError("PROVIDER_REFUSED", "order.tossConfirmRefused", { details: { providerCode: error.code } });
      return payment;
    }
    throw asAppError(error, request.orderId);
  }
}

async function readPayment(api: TossPaymentsApi, paymentKey: string): Promise<TossPayment> {
  try {
    return await api.getPayment(paymentKey);
  } catch (error) {
    throw asAppError(error, null);
  }
}

function asAppError(error: unknown, orderId: string | null): unknown {
  if (error instanceof TossUnavailableError) {
    logger.warn("toss.unavailable", { orderId });
    return new AppError("PROVIDER_FAILED", "order.tossUnavailable");
  }
  if (error instanceof TossApiError) {
    logger.warn("toss.confirm_refused", { orderId, providerCode: error.code, status: error.status });
    // A decline is final (422); a moment's error at Toss may pass on another try (502).
    const code = isRetryableTossCode(error.code) ? "PROVIDER_FAILED" : "PROVIDER_REFUSED";
    return new AppError(code, "order.tossConfirmRefused", { details: { providerCode: error.code } });
  }
  return error;
}
