import { requireIdempotencyKey } from "@/lib/http/idempotency-header";
import { readJson } from "@/lib/http/read-json";
import { json } from "@/lib/http/responses";
import { staffRoute } from "@/lib/http/route";
import { adjustPoints } from "@/lib/points/adjust-points";
import { adjustPointsBody } from "@/lib/staff/adjust-points-body";

/** Adjusts a member's points by a new ledger entry with its reason and what it corrects: admins only. */
export const POST = staffRoute(
  {
    roles: ["admin"],
    action: "points.adjust",
    needsReason: false,
    member: async ({ params }) => params.memberId!,
  },
  async ({ request, services, params, access }) => {
    const idempotencyKey = requireIdempotencyKey(request);
    const body = adjustPointsBody.parse(await readJson(request));
    return json(await adjustPoints({ services, actor: access.actor, uid: params.memberId!, ...body, idempotencyKey }));
  },
);
