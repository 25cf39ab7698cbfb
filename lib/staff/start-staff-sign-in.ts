import { z } from "zod";
import { clientKey } from "../abuse/client-key";
import { countRateLimitedUse } from "../abuse/rate-limit";
import { AppError } from "../errors/app-error";
import { errorKey } from "../errors/error-messages";
import type { Services } from "../services";
import { accessClient, appendStaffAccessIn, staffAccessLogKey } from "./access-log";
import { STAFF_SECOND_FACTORS } from "./second-factor";
import { STAFF_SIGN_IN_PER_CLIENT } from "./staff-rate-limits";
import { newStaffSessionToken, STAFF_SESSION_HOURS, STAFF_SESSIONS, staffSessionId } from "./staff-session";

export const startStaffSignInInput = z.object({
  idToken: z
    .string({ error: errorKey("validation.idTokenRequired") })
    .min(1, errorKey("validation.idTokenRequired"))
    .max(4096),
});

/** As for members: a session only right after the password was given. */
const RECENT_SIGN_IN_SECONDS = 5 * 60;

export interface StartStaffSignInOptions {
  services: Services;
  input: unknown;
  headers: Headers;
}

export interface StartedStaffSignIn {
  /** The cookie's value; the server keeps only its hash. */
  token: string;
  maxAgeSeconds: number;
  /** Whether the second factor is set up, or enrolment comes first. */
  enrolled: boolean;
}

/**
 * The first step of a staff sign-in: a Firebase ID token from the password sign-in,
 * whose account holds a staff role now (read from Firebase, not the token, so a role
 * taken away an hour ago is not honoured). Opens a session that can do nothing but
 * give the second factor.
 */
export async function startStaffSignIn(options: StartStaffSignInOptions): Promise<StartedStaffSignIn> {
  const { auth, clock, config, db } = options.services;
  const { idToken } = startStaffSignInInput.parse(options.input);
  const client = accessClient(options.headers, config.TRUSTED_PROXY_HOPS);
  const user = await auth.verifyIdToken(idToken);
  const now = clock.now();
  if (now.getTime() / 1000 - user.authTime > RECENT_SIGN_IN_SECONDS)
    throw new AppError("UNAUTHENTICATED", "auth.signInAgain");
  const role = (await auth.getUser(user.uid))?.staffRole ?? null;
  if (!role) throw new AppError("FORBIDDEN", "staff.notStaff");
  const token = newStaffSessionToken();
  const enrolled = await db.runTransaction(async (tx) => {
    const count = await countRateLimitedUse(tx, {
      uses: [{ rule: STAFF_SIGN_IN_PER_CLIENT, key: clientKey(options.headers, config.TRUSTED_PROXY_HOPS) }],
      now,
    });
    const factor = (await tx.get(STAFF_SECOND_FACTORS, user.uid))?.data;
    const access = { staffUid: user.uid, role, memberUid: null, reason: null, client };
    await appendStaffAccessIn(
      tx,
      staffAccessLogKey(config),
      { ...access, action: "staff.sign-in", outcome: "allowed" },
      now,
    );
    count();
    tx.create(STAFF_SESSIONS, staffSessionId(token), {
      staffUid: user.uid,
      role,
      stage: "second-factor",
      createdAt: now.toISOString(),
      lastSeenAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + STAFF_SESSION_HOURS * 3_600_000).toISOString(),
    });
    return Boolean(factor?.enrolledAt);
  });
  return { token, maxAgeSeconds: STAFF_SESSION_HOURS * 3600, enrolled };
}
