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
