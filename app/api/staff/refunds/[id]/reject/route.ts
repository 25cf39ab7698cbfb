import { json } from "@/lib/http/responses";
import { staffRoute } from "@/lib/http/route";
import { rejectRefund } from "@/lib/refunds/decide-refund";
import { readJson } from "@/lib/http/read-json";
import { refundOwner, rejectRefundInput } from "@/lib/staff/refund-decision-input";

/** Rejects a refund request with a reason, which is mailed to the member. */
export const POST = staffRoute(
  {
    roles: ["support", "admin"],
    action: "refund.reject",
    needsReason: false,
    member: ({ services, params }) => refundOwner({ services, refundId: params.id! }),
  },
  async ({ request, services, params, access }) => {
    const { reason } = rejectRefundInput.parse(await readJson(request));
    return json(await rejectRefund({ services, refundId: params.id!, staffUid: access.actor.uid, reason }));
  },
);
