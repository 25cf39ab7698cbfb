import { readJson } from "@/lib/http/read-json";
import { json } from "@/lib/http/responses";
import { memberRoute } from "@/lib/http/route";
import { failTossPayment } from "@/lib/payments/fail-toss-payment";

/** Toss's fail redirect, forwarded by our fail page: {orderId, code}. */
export const POST = memberRoute(async ({ request, services, user }) =>
  json(await failTossPayment({ services, uid: user.uid, input: await readJson(request) })),
);
