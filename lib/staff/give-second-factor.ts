import { z } from "zod";
import { clientKey } from "../abuse/client-key";
import { countRateLimitedUse } from "../abuse/rate-limit";
import { AppError } from "../errors/app-error";
import type { Services } from "../services";
import { accessClient, appendStaffAccessIn, staffAccessLogKey } from "./access-log";
import {
  decryptTotpSecret,
  findRecoveryCode,
  matchTotpCode,
  newRecoveryCodes,
  recoveryCodeHash,
  STAFF_SECOND_FACTORS,
  staffTotpKey,
} from "./second-factor";
import type { StaffActor } from "./staff-actor";
import { STAFF_CODE_PER_ACCOUNT, STAFF_CODE_PER_CLIENT } from "./staff-rate-limits";
import { endStaffSessionsOf, STAFF_SESSIONS } from "./staff-session";

export const giveSecondFactorInput = z.union([
  z.object({ code: z.string().trim().max(16) }).strict(),
  z.object({ recoveryCode: z.string().trim().max(32) }).strict(),
]);

export interface GiveSecondFactorOptions {
  services: Services;
  /** The session at its second-factor stage (checkStaffSession). */
  sessionId: string;
  actor: StaffActor;
  input: unknown;
  headers: Headers;
}

export interface GivenSecondFactor {
  /** Only when this code finished the enrolment: the ten recovery codes, shown this once. */
  recoveryCodes: string[] | null;
  /** Recovery codes left. */
  recoveryCodesLeft: number;
}

/**
 * The second step of a staff sign-in: a code from the authenticator app (the first one
 * ever also finishes the enrolment and makes the recovery codes), or one recovery code,
 * which is then used up. Right or wrong, every try counts against the account's and the
 * client's limits; a code's time step is remembered, so the same code, or one from an
 * earlier step, is refused even within its 30 seconds.
 */
export async function giveSecondFactor(options: GiveSecondFactorOptions): Promise<GivenSecondFactor> {
  const { services, actor, sessionId } = options;
  const { clock, config, db } = services;
  const input = giveSecondFactorInput.parse(options.input);
  // The role read at the password step may have been taken away since (staff:remove racing a sign-in).
  if ((await services.auth.getUser(actor.uid))?.staffRole !== actor.role) {
    await endStaffSessionsOf({ services, staffUid: actor.uid });
    throw new AppError("FORBIDDEN", "staff.notStaff");
  }
  const key = staffTotpKey(config);
  const now = clock.now();
  const client = accessClient(options.headers, config.TRUSTED_PROXY_HOPS);
  const uses = [
    { rule: STAFF_CODE_PER_ACCOUNT, key: actor.uid },
    { rule: STAFF_CODE_PER_CLIENT, key: clientKey(options.headers, config.TRUSTED_PROXY_HOPS) },
  ];
  const outcome = await db.runTransaction(async (tx) => {
    const count = await countRateLimitedUse(tx, { uses, now });
    const factor = (await tx.get(STAFF_SECOND_FACTORS, actor.uid))?.data;
    if (!factor) throw new AppError("INVALID_STATE", "staff.notEnrolled");
    const enrolling = factor.enrolledAt === null;
    let change: Partial<typeof factor> | null = null;
    let recoveryCodes: string[] | null = null;
    if ("code" in input) {
      const secret = decryptTotpSecret(key, factor.secret, actor.uid);
      const step = await matchTotpCode({ secret, code: input.code, now, lastTimeStep: factor.lastTimeStep });
      if (step !== null) {
        change = { lastTimeStep: step };
        if (enrolling) {
          recoveryCodes = newRecoveryCodes();
          change.enrolledAt = now.toISOString();
          change.recoveryCodeHashes = recoveryCodes.map((code) => recoveryCodeHash(actor.uid, code));
        }
      }
    } else if (!enrolling) {
      const index = findRecoveryCode(factor.recoveryCodeHashes, actor.uid, input.recoveryCode);
      if (index >= 0) change = { recoveryCodeHashes: factor.recoveryCodeHashes.filter((_, i) => i !== index) };
    }
    const action = enrolling
      ? "staff.enrol-second-factor"
      : "recoveryCode" in input
        ? "staff.recovery-code"
        : "staff.second-factor";
    await appendStaffAccessIn(
      tx,
      staffAccessLogKey(services.config),
      {
        staffUid: actor.uid,
        role: actor.role,
        action,
        memberUid: null,
        reason: null,
        client,
        outcome: change ? "allowed" : "refused",
      },
      now,
    );
    count();
    if (!change) return null;
    tx.update(STAFF_SECOND_FACTORS, actor.uid, { ...change, updatedAt: now.toISOString() });
    tx.update(STAFF_SESSIONS, sessionId, { stage: "active", lastSeenAt: now.toISOString() });
    return { recoveryCodes, recoveryCodesLeft: (change.recoveryCodeHashes ?? factor.recoveryCodeHashes).length };
  });
  if (!outcome)
    throw new AppError("UNAUTHENTICATED", "recoveryCode" in input ? "staff.recoveryCodeInvalid" : "staff.codeInvalid");
  return outcome;
}
