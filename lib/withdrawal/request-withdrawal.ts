import { z } from "zod";
import { AppError } from "../errors/app-error";
import { errorKey } from "../errors/error-messages";
import type { Services } from "../services";
import {
  assertWithdrawable,
  carryOutWithdrawal,
  withdrawalIdOf,
  writeWithdrawal,
  type WithdrawalOutcome,
} from "./withdraw-member";

export type { WithdrawalOutcome };

export const requestWithdrawalInput = z.object({
  /** A Firebase ID token from a sign-in made just now, with the password or Google: proof the member is at the keyboard. */
  idToken: z
    .string({ error: errorKey("validation.idTokenRequired") })
    .min(1, errorKey("validation.idTokenRequired"))
    .max(4096),
  /** The member ticked "I understand my remaining points lapse and my data is deleted". */
  confirm: z.literal(true, { error: errorKey("validation.withdrawalConfirmation") }),
});

/** The re-authentication must be this fresh, as for a session cookie (start-session.ts). */
export const REAUTHENTICATION_SECONDS = 5 * 60;

export interface RequestWithdrawalOptions {
  services: Services;
  /** The member of the session making the request. */
  uid: string;
  input: unknown;
}

/**
 * Closes the member's account (회원 탈퇴): after a fresh re-authentication of the same
 * account and an explicit confirmation, and not while a refund, a payment or a
 * generation is open (describe-withdrawal.ts). Records the withdrawal, then carries it
 * out at once; should that stop halfway, resume-withdrawals.ts finishes it.
 */
export async function requestWithdrawal(options: RequestWithdrawalOptions): Promise<WithdrawalOutcome> {
  const { services, uid } = options;
  const { db, auth, clock } = services;
  const input = requestWithdrawalInput.parse(options.input);
  const proof = await auth.verifyIdToken(input.idToken);
  if (proof.uid !== uid) throw new AppError("FORBIDDEN", "withdrawal.otherAccount");
  if (clock.now().getTime() / 1000 - proof.authTime > REAUTHENTICATION_SECONDS)
    throw new AppError("UNAUTHENTICATED", "withdrawal.reauthenticate");
  const withdrawalId = withdrawalIdOf(services, uid);
  await assertWithdrawable(db, uid, withdrawalId);
  const withdrawal = await db.runTransaction((tx) => writeWithdrawal(tx, { uid, withdrawalId, now: clock.now() }));
  return carryOutWithdrawal(services, withdrawalId, withdrawal);
}
