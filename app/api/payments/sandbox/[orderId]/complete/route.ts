import { json } from "@/lib/http/responses";
import { memberRoute } from "@/lib/http/route";
import { completeSandboxPayment } from "@/lib/payments/complete-sandbox-payment";

export const POST = memberRoute(async ({ services, user, params }) =>
  json(await completeSandboxPayment({ services, uid: user.uid, orderId: params.orderId ?? "" })),
);
