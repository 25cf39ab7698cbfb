import { createAccount } from "@/lib/accounts/create-account";
import { readJson } from "@/lib/http/read-json";
import { json } from "@/lib/http/responses";
import { userRoute } from "@/lib/http/route";

/** Completes sign-up for the signed-in Firebase user: name, age, consents, and the language and zone of their mail. */
export const POST = userRoute(async ({ request, locale, services, user }) => {
  const member = await createAccount({
    services,
    uid: user.uid,
    input: await readJson(request),
    requestLocale: locale,
  });
  return json(
    {
      uid: user.uid,
      name: member.name,
      marketingOptIn: member.marketingOptIn,
      locale: member.locale,
      timeZone: member.timeZone,
    },
    201,
  );
});
