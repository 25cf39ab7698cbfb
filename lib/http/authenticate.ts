/**
 * Who a request acts for: a Firebase ID token in `Authorization: Bearer`, or the
 * session cookie. Never a body or query field. Cookie-authenticated mutations must
 * come from our own origin (CSRF); bearer tokens are not sent by browsers on their
 * own, so they need no such check.
 */
import type { VerifiedUser } from "../auth/auth-gateway";
import { AppError } from "../errors/app-error";
import type { Services } from "../services";
import { readCookie, SESSION_COOKIE } from "./session-cookie";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export function assertSameOrigin(request: Request, services: Services): void {
  const origin = request.headers.get("origin");
  if (origin !== new URL(services.config.APP_URL).origin) {
    throw new AppError("CSRF_REJECTED", "Cross-site request refused: send it from the app's own pages.");
  }
}

export async function authenticate(request: Request, services: Services): Promise<VerifiedUser> {
  const authorization = request.headers.get("authorization");
  if (authorization) {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    if (!match?.[1]) throw new AppError("UNAUTHENTICATED", "Use Authorization: Bearer <Firebase ID token>.");
    return services.auth.verifyIdToken(match[1]);
  }
  const cookie = readCookie(request, SESSION_COOKIE);
  if (!cookie) throw new AppError("UNAUTHENTICATED", "Sign in first.");
  if (!SAFE_METHODS.has(request.method)) assertSameOrigin(request, services);
  return services.auth.verifySessionCookie(cookie);
}
