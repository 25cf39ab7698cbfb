import { readJson } from "@/lib/http/read-json";
import { json } from "@/lib/http/responses";
import { memberRoute } from "@/lib/http/route";
import { confirmTossPayment } from "@/lib/payments/confirm-toss-payment";

/** Toss's success redirect, forwarded by our success page: {paymentKey, orderId, amount}. */
export const POST = memberRoute(async ({ request, services, user }) =>
  json(await confirmTossPayment({ services, uid: user.uid, input: await readJson(request) })),
);
