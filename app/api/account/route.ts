import { createAccount } from "@/lib/accounts/create-account";
import { readJson } from "@/lib/http/read-json";
import { json } from "@/lib/http/responses";
import { userRoute } from "@/lib/http/route";

/** Completes sign-up for the signed-in Firebase user: name, age and consents. */
export const POST = userRoute(async ({ request, services, user }) => {
  const member = await createAccount({ services, uid: user.uid, input: await readJson(request) });
  return json({ uid: user.uid, name: member.name, marketingOptIn: member.marketingOptIn }, 201);
});
