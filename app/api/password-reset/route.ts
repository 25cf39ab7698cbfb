import { clientKey } from "@/lib/abuse/client-key";
import { sendPasswordReset } from "@/lib/accounts/send-password-reset";
import { readJson } from "@/lib/http/read-json";
import { publicRoute } from "@/lib/http/route";

/** Always 202 for a well-formed address, whether or not it has an account. */
export const POST = publicRoute(async ({ request, locale, services }) => {
  const client = clientKey(request.headers, services.config.TRUSTED_PROXY_HOPS);
  await sendPasswordReset({ services, input: await readJson(request), client, requestLocale: locale });
  return new Response(null, { status: 202 });
});
