import { randomUUID } from "node:crypto";
import { z } from "zod";
import { AppError } from "../errors/app-error";
import type { PaymentProviderId } from "../payments/payment-provider";
import { findPackage, packageCredit } from "../pricing/price-table";
import type { Services } from "../services";
import { ORDERS, type Order } from "./order";

export const createOrderInput = z.object({
  packageId: z.string({ error: "packageId is required" }).min(1, "packageId is required"),
  provider: z.string({ error: "provider is required" }).min(1, "provider is required"),
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
    throw new AppError("VALIDATION_FAILED", "Unknown points package.", {
      fields: { packageId: `Unknown package "${input.packageId}"` },
    });
  const provider = Object.hasOwn(services.paymentProviders, input.provider)
    ? services.paymentProviders[input.provider as PaymentProviderId]
    : undefined;
  if (!provider) {
    throw new AppError("VALIDATION_FAILED", "That payment provider is not available.", {
      fields: { provider: `Available: ${Object.keys(services.paymentProviders).join(", ")}` },
    });
  }
  const orderId = randomUUID();
  const now = services.clock.now().toISOString();
  const order: Order = {
    uid: options.uid,
    packageId: pkg.id,
    provider: provider.id,
    points: packageCredit(pkg),
    amount: provider.currency === "KRW" ? pkg.priceKrw : pkg.priceUsdCents,
    currency: provider.currency,
    status: "pending",
    providerPaymentId: null,
    createdAt: now,
    paidAt: null,
    canceledAt: null,
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
