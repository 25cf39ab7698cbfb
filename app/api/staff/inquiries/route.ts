import { json } from "@/lib/http/responses";
import { staffRoute } from "@/lib/http/route";
import { searchParams } from "@/lib/http/search-params";
import { listOpenInquiries } from "@/lib/support/list-open-inquiries";

/** The support inbox: inquiries and complaints waiting for an answer, the longest waiting first. */
export const GET = staffRoute(
  { roles: ["support", "admin"], action: "inquiries.list", needsReason: false },
  async ({ request, services, access }) => {
    const open = await listOpenInquiries({ services, page: searchParams(request) });
    await access.shown(open.inquiries.map((inquiry) => inquiry.uid));
    return json(open);
  },
);
