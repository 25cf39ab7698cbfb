import { sendVerificationEmail } from "@/lib/accounts/send-verification-email";
import { userRoute } from "@/lib/http/route";

export const POST = userRoute(async ({ services, user }) => {
  await sendVerificationEmail({ services, uid: user.uid });
  return new Response(null, { status: 202 });
});
