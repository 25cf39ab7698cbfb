import { AppError } from "@/lib/errors/app-error";
import { json } from "@/lib/http/responses";
import { staffRoute } from "@/lib/http/route";
import { findMemberUid, viewMember } from "@/lib/staff/view-member";

/** One member as staff see them, for the `reason` stated (logged first). */
export const GET = staffRoute(
  {
    roles: ["support", "admin"],
    action: "member.view",
    needsReason: true,
    member: async ({ services, params }) => {
      const uid = await findMemberUid({ services, uid: params.memberId! });
      if (!uid) throw new AppError("NOT_FOUND", "staff.memberNotFound");
      return uid;
    },
  },
  async ({ services, access }) =>
    json(await viewMember({ services, memberUid: access.memberUid!, reason: access.reason! })),
);
