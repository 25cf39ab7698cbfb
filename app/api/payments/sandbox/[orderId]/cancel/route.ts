import { json } from "@/lib/http/responses";
import { memberRoute } from "@/lib/http/route";
import { cancelSandboxPayment } from "@/lib/payments/cancel-sandbox-payment";

export const POST = memberRoute(async ({ services, user, params }) =>
  json(await cancelSandboxPayment({ services, uid: user.uid, orderId: params.orderId ?? "" })),
);
