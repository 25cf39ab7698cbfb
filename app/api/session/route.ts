import { startSession } from "@/lib/auth/start-session";
import { isAppError } from "@/lib/errors/app-error";
import { authenticate } from "@/lib/http/authenticate";
import { readJson } from "@/lib/http/read-json";
import { json } from "@/lib/http/responses";
import { publicRoute } from "@/lib/http/route";
import { clearedSessionCookieHeader, sessionCookieHeader } from "@/lib/http/session-cookie";
import { logger } from "@/lib/observability/logger";

/** Signs in: trades a fresh Firebase ID token for an httpOnly session cookie. */
export const POST = publicRoute(async ({ request, services }) => {
  const session = await startSession({ services, input: await readJson(request), headers: request.headers });
  const secure = services.config.APP_URL.startsWith("https://");
  return json({ uid: session.uid }, 200, {
    "set-cookie": sessionCookieHeader(session.cookie, session.maxAgeSeconds, secure),
  });
});

/**
 * Signs out: revokes every session and refresh token of the user, whether the call
 * comes with the session cookie or a bearer token, and clears the cookie. Without a
 * valid credential there is nothing left to end, so that is a 204 too. While
 * Firebase is unreachable this browser is still signed out (the cookie is cleared);
 * only the revocation elsewhere waits, and that is logged.
 */
export const DELETE = publicRoute(async ({ request, services }) => {
  try {
    const user = await authenticate(request, services);
    await services.auth.revokeSessions(user.uid);
  } catch (error) {
    if (isAppError(error, "AUTH_UNAVAILABLE")) logger.warn("session.revoke_unavailable");
    else if (!isAppError(error, "UNAUTHENTICATED")) throw error;
  }
  const secure = services.config.APP_URL.startsWith("https://");
  return new Response(null, { status: 204, headers: { "set-cookie": clearedSessionCookieHeader(secure) } });
});
