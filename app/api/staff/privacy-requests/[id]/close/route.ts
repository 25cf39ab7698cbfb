import { readJson } from "@/lib/http/read-json";
import { json } from "@/lib/http/responses";
import { staffRoute } from "@/lib/http/route";
import { closePrivacyRequest } from "@/lib/privacy/close-privacy-request";
import { privacyRequestOwner } from "@/lib/staff/queue-owners";

/** Closes a privacy request as refused, answered or completed outside the console, telling the member. */
export const POST = staffRoute(
  {
    roles: ["support", "admin"],
    action: "privacy-request.close",
    needsReason: false,
    member: ({ services, params }) => privacyRequestOwner({ services, requestId: params.id! }),
  },
  async ({ request, services, params, access }) =>
    json(
      await closePrivacyRequest({
        services,
        actor: access.actor,
        requestId: params.id!,
        input: await readJson(request),
      }),
    ),
);
