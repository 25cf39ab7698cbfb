import { requireIdempotencyKey } from "@/lib/http/idempotency-header";
import { json } from "@/lib/http/responses";
import { memberRoute } from "@/lib/http/route";
import { requestRefund } from "@/lib/refunds/request-refund";

/** 200 with the refund done or under way; 202 when it went to support staff. */
export const POST = memberRoute(async ({ request, services, user, params }) => {
  const idempotencyKey = requireIdempotencyKey(request);
  const refund = await requestRefund({ services, uid: user.uid, orderId: params.id ?? "", idempotencyKey });
  return json(refund, refund.status === "requested" ? 202 : 200);
});
