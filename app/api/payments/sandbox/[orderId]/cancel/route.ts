import { AppError } from "@/lib/errors/app-error";
import { json } from "@/lib/http/responses";
import { memberRoute } from "@/lib/http/route";
import { cancelOrder } from "@/lib/orders/cancel-order";

export const POST = memberRoute(async ({ services, user, params }) => {
  if (!services.paymentProviders.sandbox) throw new AppError("FEATURE_DISABLED", "The sandbox payment provider is off.");
  return json(await cancelOrder({ services, uid: user.uid, orderId: params.orderId ?? "" }));
});
