import type { VerifiedUser } from "../auth/auth-gateway";
import { isAppError } from "../errors/app-error";
import type { Services } from "../services";
import { getMe, type Me } from "./get-me";

/**
 * What a member page may do with a visitor, decided on the server before the page
 * renders: show it (with the member's summary), send them to sign in (no cookie, or one
 * that is expired, revoked or forged), or to finish sign-up. An identity service that
 * cannot be reached judged nothing, so the page renders without a summary and shows the
 * error its own calls get: an outage must not look like being signed out.
 */
export type MemberSession =
  | { status: "member"; me: Me; user: VerifiedUser }
  | { status: "signed-out" }
  | { status: "incomplete" }
  | { status: "unavailable" };

export interface CheckMemberSessionOptions {
  services: Services;
  /** The session cookie's value as the browser sent it, or null when it sent none. */
  sessionCookie: string | null;
}

export async function checkMemberSession({
  services,
  sessionCookie,
}: CheckMemberSessionOptions): Promise<MemberSession> {
  if (!sessionCookie) return { status: "signed-out" };
  try {
    const user = await services.auth.verifySessionCookie(sessionCookie);
    return { status: "member", me: await getMe({ services, uid: user.uid }), user };
  } catch (error) {
    if (isAppError(error, "UNAUTHENTICATED")) return { status: "signed-out" };
    if (isAppError(error, "ACCOUNT_INCOMPLETE")) return { status: "incomplete" };
    if (isAppError(error, "AUTH_UNAVAILABLE")) return { status: "unavailable" };
    throw error;
  }
}
