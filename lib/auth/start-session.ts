import { z } from "zod";
import { MEMBERS } from "../accounts/members";
import { AppError } from "../errors/app-error";
import { errorKey } from "../errors/error-messages";
import { recordAccess } from "../privacy/access-records";
import type { Services } from "../services";

export const startSessionInput = z.object({
  idToken: z
    .string({ error: errorKey("validation.idTokenRequired") })
    .min(1, errorKey("validation.idTokenRequired"))
    .max(4096),
});

/** Session cookies are only minted right after a sign-in, as Firebase recommends. */
const RECENT_SIGN_IN_SECONDS = 5 * 60;

export async function startSession(options: {
  services: Services;
  input: unknown;
  /** The sign-in request's headers: its client and device go into the access record. */
  headers: Headers;
}): Promise<{ cookie: string; maxAgeSeconds: number; uid: string }> {
  const { auth, clock, config, db } = options.services;
  const { idToken } = startSessionInput.parse(options.input);
  const user = await auth.verifyIdToken(idToken);
  if (clock.now().getTime() / 1000 - user.authTime > RECENT_SIGN_IN_SECONDS) {
    throw new AppError("UNAUTHENTICATED", "auth.signInAgain");
  }
  const maxAgeSeconds = config.SESSION_DAYS * 86_400;
  const cookie = await auth.createSessionCookie(idToken, maxAgeSeconds * 1000);
  await recordAccess({ services: options.services, user, event: "sign-in", headers: options.headers });
  // Every Google sign-in copies Google's name and picture into the sign-in account again;
  // a member's goes at once (before sign-up is completed the form still offers the name).
  if (await db.get(MEMBERS, user.uid)) await auth.clearProfile(user.uid);
  return { cookie, maxAgeSeconds, uid: user.uid };
}
