import { renewPrivacyConsent } from "@/lib/accounts/renew-privacy-consent";
import { readJson } from "@/lib/http/read-json";
import { json } from "@/lib/http/responses";
import { memberRoute } from "@/lib/http/route";

/** Records the member's consent to the privacy policy version in effect, when a change asked for it. */
export const POST = memberRoute(async ({ request, services, user }) =>
  json(await renewPrivacyConsent({ services, uid: user.uid, input: await readJson(request) })),
);
