import { AppError } from "../errors/app-error";
import { confirmPayment } from "../orders/confirm-payment";
import { getOrder } from "../orders/get-order";
import type { OrderView } from "../orders/order";
import type { Services } from "../services";

/**
 * The sandbox checkout's "Pay" button: for the order's owner only, it confirms the
 * stored order through the same path a real provider's confirmation takes.
 */
export async function completeSandboxPayment(options: {
  services: Services;
  uid: string;
  orderId: string;
}): Promise<OrderView> {
  if (!options.services.paymentProviders.sandbox) throw new AppError("FEATURE_DISABLED", "order.sandboxDisabled");
  const order = await getOrder(options);
  if (order.provider !== "sandbox") throw new AppError("NOT_FOUND", "order.notFound");
  if (order.status === "paid") return order;
  return confirmPayment({
    services: options.services,
    orderId: options.orderId,
    provider: "sandbox",
    providerPaymentId: `sandbox_${options.orderId}`,
    amount: order.amount,
    currency: order.currency,
  });
}
