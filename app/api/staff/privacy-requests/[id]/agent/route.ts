import { readJson } from "@/lib/http/read-json";
import { json } from "@/lib/http/responses";
import { staffRoute } from "@/lib/http/route";
import { checkAgentAuthority } from "@/lib/privacy/check-agent-authority";
import { privacyRequestOwner } from "@/lib/staff/queue-owners";

/** Records the check of an agent's power of attorney. */
export const POST = staffRoute(
  {
    roles: ["support", "admin"],
    action: "privacy-request.check-agent",
    needsReason: false,
    member: ({ services, params }) => privacyRequestOwner({ services, requestId: params.id! }),
  },
  async ({ request, services, params, access }) =>
    json(
      await checkAgentAuthority({
        services,
        actor: access.actor,
        requestId: params.id!,
        input: await readJson(request),
      }),
    ),
);
