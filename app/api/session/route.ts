import { startSession } from "@/lib/auth/start-session";
import { readJson } from "@/lib/http/read-json";
import { json } from "@/lib/http/responses";
import { publicRoute } from "@/lib/http/route";
import { clearedSessionCookieHeader, readCookie, SESSION_COOKIE, sessionCookieHeader } from "@/lib/http/session-cookie";

/** Signs in: trades a fresh Firebase ID token for an httpOnly session cookie. */
export const POST = publicRoute(async ({ request, services }) => {
  const session = await startSession({ services, input: await readJson(request) });
  const secure = services.config.APP_URL.startsWith("https://");
  return json({ uid: session.uid }, 200, {
    "set-cookie": sessionCookieHeader(session.cookie, session.maxAgeSeconds, secure),
  });
});

/** Signs out: revokes every session of the user and clears the cookie. */
export const DELETE = publicRoute(async ({ request, services }) => {
  const cookie = readCookie(request, SESSION_COOKIE);
  if (cookie) {
    const user = await services.auth.verifySessionCookie(cookie).catch(() => null);
    if (user) await services.auth.revokeSessions(user.uid);
  }
  const secure = services.config.APP_URL.startsWith("https://");
  return new Response(null, { status: 204, headers: { "set-cookie": clearedSessionCookieHeader(secure) } });
});
