import { json } from "@/lib/http/responses";
import { staffRoute } from "@/lib/http/route";
import { rejectRefund } from "@/lib/refunds/decide-refund";
import { refundOwner } from "@/lib/staff/refund-decision-input";

/** Rejects a refund request. */
export const POST = staffRoute(
  {
    roles: ["support", "admin"],
    action: "refund.reject",
    needsReason: false,
    member: ({ services, params }) => refundOwner({ services, refundId: params.id! }),
  },
  async ({ services, params, access }) =>
    json(await rejectRefund({ services, refundId: params.id!, staffUid: access.actor.uid })),
);
