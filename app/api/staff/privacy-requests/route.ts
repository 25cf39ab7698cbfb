import { json } from "@/lib/http/responses";
import { staffRoute } from "@/lib/http/route";
import { searchParams } from "@/lib/http/search-params";
import { listPrivacyRequests } from "@/lib/privacy/list-privacy-requests";

/** Open privacy requests, the one due soonest (the overdue ones) first. */
export const GET = staffRoute(
  { roles: ["support", "admin"], action: "privacy-requests.list", needsReason: false },
  async ({ request, services, access }) => {
    const open = await listPrivacyRequests({ services, page: searchParams(request) });
    await access.shown(open.requests.map((request) => request.uid));
    return json(open);
  },
);
