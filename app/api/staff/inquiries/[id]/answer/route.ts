import { readJson } from "@/lib/http/read-json";
import { json } from "@/lib/http/responses";
import { staffRoute } from "@/lib/http/route";
import { inquiryOwner } from "@/lib/staff/queue-owners";
import { answerInquiry } from "@/lib/support/answer-inquiry";

/** Answers an inquiry: shown on the member's My page and mailed to them. */
export const POST = staffRoute(
  {
    roles: ["support", "admin"],
    action: "inquiry.answer",
    needsReason: false,
    member: ({ services, params }) => inquiryOwner({ services, inquiryId: params.id! }),
  },
  async ({ request, services, params, access }) =>
    json(await answerInquiry({ services, actor: access.actor, inquiryId: params.id!, input: await readJson(request) })),
);
