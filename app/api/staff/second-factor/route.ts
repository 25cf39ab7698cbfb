import { readJson } from "@/lib/http/read-json";
import { json } from "@/lib/http/responses";
import { publicRoute } from "@/lib/http/route";
import { readCookie, STAFF_SESSION_COOKIE } from "@/lib/http/session-cookie";
import { giveSecondFactor } from "@/lib/staff/give-second-factor";
import { checkStaffSession } from "@/lib/staff/staff-session";

/** The second factor: a code from the authenticator app (the first finishes enrolment) or a recovery code. */
export const POST = publicRoute(async ({ request, services }) => {
  const token = readCookie(request, STAFF_SESSION_COOKIE);
  const { id, actor } = await checkStaffSession({ services, token, stage: "second-factor" });
  const input = await readJson(request);
  return json(await giveSecondFactor({ services, sessionId: id, actor, input, headers: request.headers }));
});
