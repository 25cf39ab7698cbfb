import { json } from "@/lib/http/responses";
import { staffRoute } from "@/lib/http/route";
import { listRefundQueue } from "@/lib/staff/list-refund-queue";

/** Refund requests waiting for a decision, oldest first. */
export const GET = staffRoute(
  { roles: ["support", "admin"], action: "refunds.list", needsReason: false },
  async ({ services, access }) => {
    const refunds = await listRefundQueue({ services });
    await access.shown(refunds.map((refund) => refund.uid));
    return json({ refunds });
  },
);
