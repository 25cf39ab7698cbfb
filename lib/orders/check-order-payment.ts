import type { Services } from "../services";
import { confirmPayment } from "./confirm-payment";
import type { Order } from "./order";

export interface CheckOrderPaymentOptions {
  services: Services;
  orderId: string;
  order: Order;
  /** The order is about to be closed as expired (see PaymentLookupOrder.closing). */
  closing: boolean;
}

/**
 * Asks the order's provider what became of its payment and, when it was taken, credits
 * it through the one confirm-and-credit path (a repeat credits nothing). Null when the
 * provider is switched off or cannot be asked about a single order. Throws when the
 * provider cannot be reached, so the caller leaves the order for a later run.
 */
export async function checkOrderPayment(
  options: CheckOrderPaymentOptions,
): Promise<"paid" | "pending" | "not-paid" | null> {
  const { services, orderId, order } = options;
  const provider = services.paymentProviders[order.provider];
  if (!provider?.lookupPayment) return null;
  const lookup = await provider.lookupPayment({
    orderId,
    amount: order.amount,
    currency: order.currency,
    providerPaymentId: order.providerPaymentId,
    providerCheckoutId: order.providerCheckoutId ?? null,
    closing: options.closing,
  });
  if (lookup.status !== "paid") return lookup.status;
  const { providerPaymentId, amount, currency, receiptUrl } = lookup;
  await confirmPayment({
    services,
    orderId,
    provider: order.provider,
    providerPaymentId,
    amount,
    currency,
    receiptUrl,
  });
  return "paid";
}
