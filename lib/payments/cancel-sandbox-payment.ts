import { AppError } from "../errors/app-error";
import { cancelOrder } from "../orders/cancel-order";
import { getOrder } from "../orders/get-order";
import type { OrderView } from "../orders/order";
import type { Services } from "../services";

/** The sandbox checkout's "Cancel" button: the owner walks away from a sandbox order. */
export async function cancelSandboxPayment(options: {
  services: Services;
  uid: string;
  orderId: string;
}): Promise<OrderView> {
  if (!options.services.paymentProviders.sandbox) throw new AppError("FEATURE_DISABLED", "order.sandboxDisabled");
  const order = await getOrder(options);
  if (order.provider !== "sandbox") throw new AppError("NOT_FOUND", "order.notFound");
  return cancelOrder(options);
}
