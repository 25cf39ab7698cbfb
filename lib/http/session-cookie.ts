/**
 * The session cookie. Named __session because Firebase Hosting forwards only that
 * cookie to the app; httpOnly so scripts never see it; SameSite=Lax so links from
 * mail keep the member signed in while cross-site posts do not carry it.
 */
export const SESSION_COOKIE = "__session";

export function readCookie(request: Request, name: string): string | null {
  const header = request.headers.get("cookie");
  if (!header) return null;
  for (const part of header.split(";")) {
    const [key, ...rest] = part.trim().split("=");
    if (key !== name) continue;
    try {
      return decodeURIComponent(rest.join("="));
    } catch {
      return null;
    }
  }
  return null;
}

export function sessionCookieHeader(value: string, maxAgeSeconds: number, secure: boolean): string {
  return [
    `${SESSION_COOKIE}=${encodeURIComponent(value)}`,
    "Path=/",
    "HttpOnly",
    "SameSite=Lax",
    `Max-Age=${maxAgeSeconds}`,
    ...(secure ? ["Secure"] : []),
  ].join("; ");
}

export function clearedSessionCookieHeader(secure: boolean): string {
  return sessionCookieHeader("", 0, secure);
}

/**
 * The staff console's session cookie: a random token whose hash names the session
 * record (lib/staff/staff-session.ts), never a member session's cookie.
 * SameSite=Strict: the console is never entered from a link on another site. Firebase
 * Hosting would forward only `__session`; the app is served by App Hosting or Cloud
 * Run, which pass every cookie.
 */
export const STAFF_SESSION_COOKIE = "staff_session";

export function staffSessionCookieHeader(value: string, maxAgeSeconds: number, secure: boolean): string {
  return [
    `${STAFF_SESSION_COOKIE}=${encodeURIComponent(value)}`,
    "Path=/",
    "HttpOnly",
    "SameSite=Strict",
    `Max-Age=${maxAgeSeconds}`,
    ...(secure ? ["Secure"] : []),
  ].join("; ");
}
