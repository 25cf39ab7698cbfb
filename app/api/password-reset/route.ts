import { sendPasswordReset } from "@/lib/accounts/send-password-reset";
import { readJson } from "@/lib/http/read-json";
import { publicRoute } from "@/lib/http/route";

/** Always 202 for a well-formed address, whether or not it has an account. */
export const POST = publicRoute(async ({ request, services }) => {
  await sendPasswordReset({ services, input: await readJson(request) });
  return new Response(null, { status: 202 });
});
