import { readJson } from "@/lib/http/read-json";
import { json } from "@/lib/http/responses";
import { staffRoute } from "@/lib/http/route";
import { approveRefund } from "@/lib/refunds/decide-refund";
import { approveRefundInput, refundOwner } from "@/lib/staff/refund-decision-input";

/** Approves a refund request, in full or in part: the provider is asked and the member mailed when it is done. */
export const POST = staffRoute(
  {
    roles: ["support", "admin"],
    action: "refund.approve",
    needsReason: false,
    member: ({ services, params }) => refundOwner({ services, refundId: params.id! }),
  },
  async ({ request, services, params, access }) => {
    const { amount, points, reason } = approveRefundInput.parse(await readJson(request));
    return json(
      await approveRefund({ services, refundId: params.id!, staffUid: access.actor.uid, amount, points, reason }),
    );
  },
);
