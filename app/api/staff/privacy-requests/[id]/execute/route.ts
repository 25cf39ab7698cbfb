import { readJson } from "@/lib/http/read-json";
import { json } from "@/lib/http/responses";
import { staffRoute } from "@/lib/http/route";
import { executePrivacyRequest } from "@/lib/privacy/execute-privacy-request";
import { privacyRequestOwner } from "@/lib/staff/queue-owners";

/** Carries out a privacy request through My page's own use case, closes it and tells the member. */
export const POST = staffRoute(
  {
    roles: ["support", "admin"],
    action: "privacy-request.execute",
    needsReason: false,
    member: ({ services, params }) => privacyRequestOwner({ services, requestId: params.id! }),
  },
  async ({ request, services, params, access }) =>
    json(
      await executePrivacyRequest({
        services,
        actor: access.actor,
        requestId: params.id!,
        input: await readJson(request),
      }),
    ),
);
