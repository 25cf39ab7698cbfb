import { randomUUID } from "node:crypto";
import { z } from "zod";
import { AppError } from "../errors/app-error";
import { errorKey } from "../errors/error-messages";
import type { PaymentProviderId } from "../payments/payment-provider";
import { findPackage, packageCredit } from "../pricing/price-table";
import type { Services } from "../services";
import { CHECKOUT_WINDOW_MINUTES, ORDERS, type Order } from "./order";

export const createOrderInput = z.object({
  packageId: z.string({ error: errorKey("validation.packageRequired") }).min(1, errorKey("validation.packageRequired")),
  provider: z
    .string({ error: errorKey("validation.providerRequired") })
    .min(1, errorKey("validation.providerRequired")),
});

/**
 * Stores a pending order whose amount and points come from the price table, then
 * asks the provider where the buyer pays. The browser never names an amount.
 */
export async function createOrder(options: {
  services: Services;
  uid: string;
  input: unknown;
}): Promise<{ orderId: string; checkoutUrl: string }> {
  const { services } = options;
  const input = createOrderInput.parse(options.input);
  const pkg = findPackage(input.packageId);
  if (!pkg)
    throw new AppError("VALIDATION_FAILED", "order.unknownPackage", {
      fields: { packageId: "validation.unknownPackage" },
    });
  const provider = Object.hasOwn(services.paymentProviders, input.provider)
    ? services.paymentProviders[input.provider as PaymentProviderId]
    : undefined;
  if (!provider) {
    throw new AppError("VALIDATION_FAILED", "order.providerUnavailable", {
      details: { availableProviders: Object.keys(services.paymentProviders) },
      fields: { provider: "validation.providerUnavailable" },
    });
  }
  const orderId = randomUUID();
  const createdAt = services.clock.now();
  const order: Order = {
    uid: options.uid,
    packageId: pkg.id,
    provider: provider.id,
    points: packageCredit(pkg),
    amount: provider.currency === "KRW" ? pkg.priceKrw : pkg.priceUsdCents,
    currency: provider.currency,
    status: "pending",
    providerPaymentId: null,
    createdAt: createdAt.toISOString(),
    expiresAt: new Date(createdAt.getTime() + CHECKOUT_WINDOW_MINUTES * 60_000).toISOString(),
    paidAt: null,
    canceledAt: null,
    failedAt: null,
    receiptUrl: null,
  };
  await services.db.runTransaction(async (tx) => tx.create(ORDERS, orderId, order));
  const { checkoutUrl } = await provider.startCheckout({
    orderId,
    amount: order.amount,
    currency: order.currency,
    description: `${order.points.toLocaleString("en-US")} points`,
  });
  return { orderId, checkoutUrl };
}
