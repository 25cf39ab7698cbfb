import { readJson } from "@/lib/http/read-json";
import { json } from "@/lib/http/responses";
import { publicRoute } from "@/lib/http/route";
import { readCookie, STAFF_SESSION_COOKIE, staffSessionCookieHeader } from "@/lib/http/session-cookie";
import { endStaffSession } from "@/lib/staff/staff-session";
import { startStaffSignIn } from "@/lib/staff/start-staff-sign-in";

/** The first factor: a fresh Firebase ID token of a staff account opens a session that still owes the code. */
export const POST = publicRoute(async ({ request, services }) => {
  const started = await startStaffSignIn({ services, input: await readJson(request), headers: request.headers });
  const secure = services.config.APP_URL.startsWith("https://");
  return json({ enrolled: started.enrolled }, 200, {
    "set-cookie": staffSessionCookieHeader(started.token, started.maxAgeSeconds, secure),
  });
});

/** Signs out of the console: the session record goes, so the cookie names nothing even if kept. */
export const DELETE = publicRoute(async ({ request, services }) => {
  await endStaffSession({ services, token: readCookie(request, STAFF_SESSION_COOKIE) });
  const secure = services.config.APP_URL.startsWith("https://");
  return new Response(null, { status: 204, headers: { "set-cookie": staffSessionCookieHeader("", 0, secure) } });
});
