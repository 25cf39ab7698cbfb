import { readJson } from "@/lib/http/read-json";
import { json } from "@/lib/http/responses";
import { memberRoute } from "@/lib/http/route";
import { searchParams } from "@/lib/http/search-params";
import { listMyInquiries } from "@/lib/support/list-my-inquiries";
import { sendInquiry } from "@/lib/support/send-inquiry";

/** The member's own inquiries and complaints, with staff's answers, newest first. */
export const GET = memberRoute(async ({ request, services, user }) =>
  json(await listMyInquiries({ services, uid: user.uid, page: searchParams(request) })),
);

/** Sends an inquiry or a complaint to staff. */
export const POST = memberRoute(async ({ request, services, user }) =>
  json(await sendInquiry({ services, uid: user.uid, input: await readJson(request) }), 201),
);
