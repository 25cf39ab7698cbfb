/**
 * Who a request acts for: a Firebase ID token in `Authorization: Bearer`, or the
 * session cookie. Never a body or query field. Where the request came from (CSRF) is
 * checked before this, for every route, by the route wrappers (same-origin.ts).
 */
import type { VerifiedUser } from "../auth/auth-gateway";
import { AppError } from "../errors/app-error";
import { recordAccess } from "../privacy/access-records";
import type { Services } from "../services";
import { readCookie, SESSION_COOKIE } from "./session-cookie";

/** Each verified use is an access record (at most one per session and hour, access-records.ts). */
export async function authenticate(request: Request, services: Services): Promise<VerifiedUser> {
  const user = await verifiedUser(request, services);
  await recordAccess({ services, user, event: "session", headers: request.headers });
  return user;
}

async function verifiedUser(request: Request, services: Services): Promise<VerifiedUser> {
  const authorization = request.headers.get("authorization");
  if (authorization) {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    if (!match?.[1]) throw new AppError("UNAUTHENTICATED", "auth.malformedAuthorization");
    return services.auth.verifyIdToken(match[1]);
  }
  const cookie = readCookie(request, SESSION_COOKIE);
  if (!cookie) throw new AppError("UNAUTHENTICATED", "auth.signInFirst");
  return services.auth.verifySessionCookie(cookie);
}
