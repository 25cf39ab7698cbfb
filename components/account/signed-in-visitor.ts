/**
 * Who is looking at a public page, read on the server from the session cookie, so
 * the landing page and the public header greet a member without shipping any code
 * for it. Once per request (React's cache): the header and the page share it. A
 * visitor without the cookie costs nothing; with it, the cookie is verified as the
 * API would.
 */
import { cookies } from "next/headers";
import { cache } from "react";
import { getMe, type Me } from "@/lib/accounts/get-me";
import { isAppError } from "@/lib/errors/app-error";
import { SESSION_COOKIE } from "@/lib/http/session-cookie";
import { logger } from "@/lib/observability/logger";
import { getServices } from "@/lib/services";

export type Visitor =
  | { kind: "member"; me: Me }
  /** Signed in, but sign-up (name, age, consents) is not finished. */
  | { kind: "incomplete" }
  | { kind: "anonymous" };

export const signedInVisitor = cache(async (): Promise<Visitor> => {
  const cookie = (await cookies()).get(SESSION_COOKIE)?.value;
  if (!cookie) return { kind: "anonymous" };
  const services = getServices();
  try {
    const user = await services.auth.verifySessionCookie(cookie);
    return { kind: "member", me: await getMe({ services, uid: user.uid }) };
  } catch (error) {
    if (isAppError(error, "ACCOUNT_INCOMPLETE")) return { kind: "incomplete" };
    if (isAppError(error, "UNAUTHENTICATED")) return { kind: "anonymous" };
    // The identity service is down: a public page still shows, as to anyone; member pages will say more.
    if (isAppError(error, "AUTH_UNAVAILABLE")) {
      logger.warn("visitor.auth_unavailable");
      return { kind: "anonymous" };
    }
    throw error;
  }
});
