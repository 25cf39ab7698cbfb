import { AppError } from "../errors/app-error";
import { confirmPayment } from "../orders/confirm-payment";
import { getOrder } from "../orders/get-order";
import type { OrderView } from "../orders/order";
import type { Services } from "../services";
import { SandboxPaymentProvider } from "./sandbox-payment-provider";

/**
 * The sandbox checkout's "Pay" button: for the order's owner only, it confirms the
 * stored order through the same path a real provider's confirmation takes.
 */
export async function completeSandboxPayment(options: {
  services: Services;
  uid: string;
  orderId: string;
}): Promise<OrderView> {
  const sandbox = options.services.paymentProviders.sandbox;
  if (!(sandbox instanceof SandboxPaymentProvider)) throw new AppError("FEATURE_DISABLED", "order.sandboxDisabled");
  const order = await getOrder(options);
  if (order.provider !== "sandbox") throw new AppError("NOT_FOUND", "order.notFound");
  if (order.status === "paid") return order;
  if (order.status !== "pending")
    throw new AppError("INVALID_STATE", "order.notPending", { values: { status: order.status } });
  const payment = sandbox.takePayment({ ...order, description: "" }, options.services.clock.now());
  return confirmPayment({ services: options.services, orderId: options.orderId, provider: "sandbox", ...payment });
}
