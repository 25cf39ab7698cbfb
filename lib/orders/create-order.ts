import { randomUUID } from "node:crypto";
import { z } from "zod";
import { countRateLimitedUse, type RateLimitRule } from "../abuse/rate-limit";
import { AppError } from "../errors/app-error";
import { errorKey } from "../errors/error-messages";
import { hashRequest, readIdempotencyKey, recordIdempotencyKey } from "../idempotency/idempotency-key";
import type { PaymentProvider, PaymentProviderId } from "../payments/payment-provider";
import { findPackage, packageCredit } from "../pricing/price-table";
import type { Services } from "../services";
import type { Locale } from "../i18n/locales";
import { CHECKOUT_WINDOW_MINUTES, ORDERS, type Order } from "./order";
import { nextPaymentCheckAt } from "./payment-check-schedule";

export const createOrderInput = z.object({
  packageId: z.string({ error: errorKey("validation.packageRequired") }).min(1, errorKey("validation.packageRequired")),
  provider: z
    .string({ error: errorKey("validation.providerRequired") })
    .min(1, errorKey("validation.providerRequired")),
});

/**
 * Unpaid orders one member may have open at once. A person comparing two payment
 * methods needs two or three; more is a script (one member once opened 300 in 1.35 s).
 */
export const MAX_OPEN_ORDERS = 5;
/** New orders per member per hour, open or not: a buyer who cancels and retries a few times stays well inside it. */
export const ORDERS_PER_MEMBER: RateLimitRule = { bucket: "orders", limit: 20, windowMs: 60 * 60_000 };

export interface CreatedOrder {
  orderId: string;
  checkoutUrl: string;
}

function findProvider(services: Services, id: string): PaymentProvider {
  const provider = Object.hasOwn(services.paymentProviders, id)
    ? services.paymentProviders[id as PaymentProviderId]
    : undefined;
  if (!provider) {
    throw new AppError("VALIDATION_FAILED", "order.providerUnavailable", {
      details: { availableProviders: Object.keys(services.paymentProviders) },
      fields: { provider: "validation.providerUnavailable" },
    });
  }
  return provider;
}

/**
 * Stores a pending order whose amount and points come from the price table, then
 * asks the provider where the buyer pays. The browser never names an amount. A
 * repeat with the same Idempotency-Key and content (a double click, a retry after a
 * lost answer) gets the first order back; the limits are counted in the order's own
 * transaction, so concurrent requests cannot slip past them, and a refused request
 * stores nothing.
 */
export async function createOrder(options: {
  services: Services;
  uid: string;
  input: unknown;
  idempotencyKey: string;
  /** The buyer's language, for a checkout page of our own. */
  locale?: Locale;
}): Promise<CreatedOrder> {
  const { services } = options;
  const input = createOrderInput.parse(options.input);
  const pkg = findPackage(input.packageId);
  if (!pkg)
    throw new AppError("VALIDATION_FAILED", "order.unknownPackage", {
      fields: { packageId: "validation.unknownPackage" },
    });
  const provider = findProvider(services, input.provider);
  const keyOptions = {
    uid: options.uid,
    scope: "order",
    key: options.idempotencyKey,
    requestHash: hashRequest({ packageId: pkg.id, provider: provider.id }),
  };

  const { orderId, order } = await services.db.runTransaction(async (tx) => {
    const now = services.clock.now();
    const existingId = await readIdempotencyKey(tx, { ...keyOptions, now });
    if (existingId) {
      const existing = await tx.get(ORDERS, existingId);
      if (!existing) throw new AppError("NOT_FOUND", "order.notFound");
      return { orderId: existingId, order: existing.data };
    }
    const countUse = await countRateLimitedUse(tx, { uses: [{ rule: ORDERS_PER_MEMBER, key: options.uid }], now });
    const open = (
      await tx.query({
        collection: ORDERS,
        where: [
          { field: "uid", op: "==", value: options.uid },
          { field: "status", op: "in", value: ["pending", "waiting_for_deposit"] },
        ],
      })
    ).filter((doc) => doc.data.expiresAt > now.toISOString());
    if (open.length >= MAX_OPEN_ORDERS) {
      const firstToExpire = open.map((doc) => Date.parse(doc.data.expiresAt)).sort((a, b) => a - b)[0] ?? now.getTime();
      const retryAfterSeconds = Math.max(1, Math.ceil((firstToExpire - now.getTime()) / 1000));
      throw new AppError("RATE_LIMITED", "order.tooManyOpen", {
        values: { limit: MAX_OPEN_ORDERS, minutes: Math.ceil(retryAfterSeconds / 60) },
        details: { retryAfterSeconds },
      });
    }
    const id = randomUUID();
    const created: Order = {
      uid: options.uid,
      packageId: pkg.id,
      provider: provider.id,
      points: packageCredit(pkg),
      bonusPoints: packageCredit(pkg) - pkg.points,
      amount: provider.currency === "KRW" ? pkg.priceKrw : pkg.priceUsdCents,
      currency: provider.currency,
      status: "pending",
      providerPaymentId: null,
      createdAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + CHECKOUT_WINDOW_MINUTES * 60_000).toISOString(),
      nextCheckAt: nextPaymentCheckAt(now.toISOString(), now),
      paidAt: null,
      canceledAt: null,
      failedAt: null,
      receiptUrl: null,
      refundedAmount: 0,
      refundedPoints: 0,
    };
    countUse();
    tx.create(ORDERS, id, created);
    recordIdempotencyKey(tx, { ...keyOptions, resultId: id, now });
    return { orderId: id, order: created };
  });

  if (order.status !== "pending" && order.status !== "waiting_for_deposit")
    throw new AppError("INVALID_STATE", "order.notPending", { values: { status: order.status } });
  // A repeat asks again: startCheckout answers the same checkout for the same order.
  const checkout = await provider.startCheckout({
    orderId,
    amount: order.amount,
    currency: order.currency,
    description: `${order.points.toLocaleString("en-US")} points`,
    locale: options.locale,
  });
  if (checkout.providerCheckoutId) {
    const providerCheckoutId = checkout.providerCheckoutId;
    await services.db.runTransaction(async (tx) => tx.update(ORDERS, orderId, { providerCheckoutId }));
  }
  return { orderId, checkoutUrl: checkout.checkoutUrl };
}
