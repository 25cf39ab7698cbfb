import { json } from "@/lib/http/responses";
import { memberRoute } from "@/lib/http/route";
import { getAccountData } from "@/lib/privacy/get-account-data";

/** Everything held about the signed-in member, grouped by the data inventory's kinds, described in the request's language. */
export const GET = memberRoute(async ({ services, user, locale }) =>
  json(await getAccountData({ services, uid: user.uid, locale })),
);
