import { timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { GENERATED_ID } from "../db/generated-id";
import { AppError } from "../errors/app-error";
import { logger } from "../observability/logger";
import { ORDERS } from "../orders/order";
import type { Services } from "../services";
import { applyTossPayment, depositSecretHash } from "./apply-toss-payment";
import { requireTossProvider } from "./toss-payment-provider";
import { TossUnavailableError, type TossPaymentsApi } from "./toss-payments-api";

/** PAYMENT_STATUS_CHANGED: the Payment object under `data`, of which only the ids are taken. */
const paymentStatusChanged = z.object({
  eventType: z.literal("PAYMENT_STATUS_CHANGED"),
  data: z.object({ paymentKey: z.string().min(1).max(200), orderId: z.string().min(1).max(64) }),
});

/** DEPOSIT_CALLBACK has no eventType: `{createdAt, secret, status, transactionKey, orderId}`. */
const depositCallback = z.object({
  secret: z.string().min(1).max(200),
  status: z.string(),
  orderId: z.string().min(1).max(64),
});

export type TossWebhookOutcome = "applied" | "ignored";

export interface ReceiveTossWebhookOptions {
  services: Services;
  rawBody: Buffer;
}

/**
 * Toss's webhooks. Payment webhooks are not signed, so their body is only a hint: the
 * payment is read back from Toss by its key, and only that answer (for our order, of
 * its amount) changes anything. A deposit callback must carry the secret Toss gave
 * the confirm of that virtual account, and is then also read back. Repeats, retries
 * and the two events of one deposit end in the same idempotent update, which credits
 * once. Events for no order of ours, or of kinds the product does not use, are ignored.
 */
export async function receiveTossWebhook({
  services,
  rawBody,
}: ReceiveTossWebhookOptions): Promise<TossWebhookOutcome> {
  const toss = requireTossProvider(services.paymentProviders);
  let body: unknown;
  try {
    body = JSON.parse(rawBody.toString("utf8"));
  } catch {
    throw new AppError("MALFORMED_JSON", "request.bodyNotJson");
  }

  const statusChanged = paymentStatusChanged.safeParse(body);
  if (statusChanged.success) {
    const { orderId, paymentKey } = statusChanged.data.data;
    if (!(await isTossOrder(services, orderId))) return ignored("unknown_order");
    return apply(services, toss.api, orderId, paymentKey);
  }

  const deposit = depositCallback.safeParse(body);
  if (deposit.success && !(typeof body === "object" && body !== null && "eventType" in body)) {
    const { orderId, secret } = deposit.data;
    const doc = GENERATED_ID.test(orderId) ? await services.db.get(ORDERS, orderId) : null;
    if (!doc || doc.data.provider !== "toss" || !doc.data.tossDepositSecretHash || !doc.data.providerPaymentId)
      return ignored("unknown_order");
    const expected = Buffer.from(doc.data.tossDepositSecretHash, "hex");
    if (!timingSafeEqual(Buffer.from(depositSecretHash(secret), "hex"), expected)) {
      logger.warn("toss.deposit_secret_mismatch", { orderId });
      throw new AppError("WEBHOOK_REJECTED", "request.webhookRejected");
    }
    return apply(services, toss.api, orderId, doc.data.providerPaymentId);
  }
  return ignored("event_not_used");
}

async function isTossOrder(services: Services, orderId: string): Promise<boolean> {
  if (!GENERATED_ID.test(orderId)) return false;
  const doc = await services.db.get(ORDERS, orderId);
  return doc?.data.provider === "toss";
}

async function apply(
  services: Services,
  api: TossPaymentsApi,
  orderId: string,
  paymentKey: string,
): Promise<TossWebhookOutcome> {
  let payment;
  try {
    payment = await api.getPayment(paymentKey);
  } catch (error) {
    // Toss unreachable: a 5xx, so Toss sends the webhook again.
    if (error instanceof TossUnavailableError) throw new AppError("PROVIDER_FAILED", "order.tossUnavailable");
    // Toss does not know this payment key: the body was not Toss's.
    return ignored("payment_not_found");
  }
  if (payment.orderId !== orderId) return ignored("payment_for_another_order");
  try {
    await applyTossPayment({ services, orderId, payment });
  } catch (error) {
    // A payment that does not match the order cannot be fixed by a retry: answered 200, and logged.
    if (error instanceof AppError && error.status < 500) return ignored(error.code);
    throw error;
  }
  return "applied";
}

function ignored(reason: string): TossWebhookOutcome {
  logger.info("toss.webhook_ignored", { reason });
  return "ignored";
}
