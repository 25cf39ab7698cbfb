import { z } from "zod";
import { AppError } from "../errors/app-error";
import { logger } from "../observability/logger";
import { ORDERS, toOrderView, type OrderView } from "../orders/order";
import type { Services } from "../services";
import { requireTossProvider } from "./toss-payment-provider";

/** What Toss's fail redirect gives the browser; its `message` is Toss's text for the buyer and is not kept. */
export const failTossPaymentInput = z.object({
  orderId: z.string().min(1).max(64),
  code: z
    .string()
    .max(100)
    .regex(/^[A-Z0-9_]+$/),
});

export interface FailTossPaymentOptions {
  services: Services;
  uid: string;
  input: unknown;
}

/**
 * The buyer came back through the fail redirect (canceled the widget, card refused):
 * the member's own pending order is closed as failed. Only a pending order: one Toss
 * has confirmed, or that waits for a deposit, is settled by Toss's word alone.
 */
export async function failTossPayment({ services, uid, input }: FailTossPaymentOptions): Promise<OrderView> {
  requireTossProvider(services.paymentProviders);
  const { orderId, code } = failTossPaymentInput.parse(input);
  const view = await services.db.runTransaction(async (tx) => {
    const doc = await tx.get(ORDERS, orderId);
    if (!doc || doc.data.uid !== uid || doc.data.provider !== "toss") throw new AppError("NOT_FOUND", "order.notFound");
    if (doc.data.status === "failed") return toOrderView(orderId, doc.data);
    if (doc.data.status !== "pending")
      throw new AppError("INVALID_STATE", "order.notPending", { values: { status: doc.data.status } });
    const failed = { status: "failed" as const, failedAt: services.clock.now().toISOString() };
    tx.update(ORDERS, orderId, failed);
    return toOrderView(orderId, { ...doc.data, ...failed });
  });
  logger.info("toss.checkout_failed", { orderId, providerCode: code });
  return view;
}
