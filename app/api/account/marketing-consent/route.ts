import { changeMarketingConsent } from "@/lib/accounts/change-marketing-consent";
import { readJson } from "@/lib/http/read-json";
import { json } from "@/lib/http/responses";
import { memberRoute } from "@/lib/http/route";

/** Gives or withdraws the marketing consent: a new consent record each time. */
export const POST = memberRoute(async ({ request, services, user, locale }) =>
  json(
    await changeMarketingConsent({ services, uid: user.uid, input: await readJson(request), requestLocale: locale }),
    201,
  ),
);
