import { clientKey } from "@/lib/abuse/client-key";
import { sendVerificationEmail } from "@/lib/accounts/send-verification-email";
import { userRoute } from "@/lib/http/route";

export const POST = userRoute(async ({ request, locale, services, user }) => {
  const client = clientKey(request.headers, services.config.TRUSTED_PROXY_HOPS);
  await sendVerificationEmail({ services, uid: user.uid, client, requestLocale: locale });
  return new Response(null, { status: 202 });
});
