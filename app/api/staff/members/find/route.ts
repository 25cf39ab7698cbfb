import { AppError } from "@/lib/errors/app-error";
import { readJson } from "@/lib/http/read-json";
import { json } from "@/lib/http/responses";
import { staffRoute } from "@/lib/http/route";
import { findMemberInput, lookUpBy } from "@/lib/staff/find-member-input";
import { findMemberUid } from "@/lib/staff/view-member";

/**
 * The member a sign-in address or an ID names, for the `reason` stated (logged first).
 * A POST, so what was typed travels in the body: never in a URL, which request logs,
 * browser history and proxies keep.
 */
export const POST = staffRoute(
  {
    roles: ["support", "admin"],
    action: "member.find",
    needsReason: true,
    member: async ({ request, services }) => {
      const { query } = findMemberInput.parse(await readJson(request));
      const uid = await findMemberUid({ services, ...lookUpBy(query) });
      if (!uid) throw new AppError("NOT_FOUND", "staff.memberNotFound");
      return uid;
    },
  },
  async ({ access }) => json({ memberId: access.memberUid! }),
);
