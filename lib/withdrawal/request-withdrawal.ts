import { z } from "zod";
import { requireMember } from "../accounts/members";
import { AppError } from "../errors/app-error";
import { errorKey, type ErrorMessageKey } from "../errors/error-messages";
import { errorFields, logger } from "../observability/logger";
import { POINT_ACCOUNTS } from "../points/ledger";
import { legalHoldKey, memberPseudonym } from "../privacy/legal-hold";
import type { Services } from "../services";
import { findWithdrawalBlockers, type WithdrawalBlocker } from "./describe-withdrawal";
import { runWithdrawal } from "./run-withdrawal";
import { WITHDRAWAL_STEPS, WITHDRAWALS, type Withdrawal } from "./withdrawal";

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

const BLOCKER_MESSAGES = {
  "refund-open": "withdrawal.refundOpen",
  "payment-open": "withdrawal.paymentOpen",
  "generation-open": "withdrawal.generationOpen",
} as const satisfies Record<WithdrawalBlocker, ErrorMessageKey>;

export interface RequestWithdrawalOptions {
  services: Services;
  /** The member of the session making the request. */
  uid: string;
  input: unknown;
}

export interface WithdrawalOutcome {
  pointsLapsed: number;
  /** False when a step failed: the account is closed to sign-in and the sweep finishes the rest. */
  completed: boolean;
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
  const withdrawalId = memberPseudonym(legalHoldKey(services.config), uid);
  const existing = await db.get(WITHDRAWALS, withdrawalId);
  if (!existing) {
    await requireMember(db, uid);
    const blockers = await findWithdrawalBlockers(db, uid);
    const first = blockers[0];
    if (first) throw new AppError("INVALID_STATE", BLOCKER_MESSAGES[first], { details: { blockers } });
  }
  const withdrawal = await db.runTransaction(async (tx): Promise<Withdrawal> => {
    const again = await tx.get(WITHDRAWALS, withdrawalId);
    if (again) return again.data;
    const account = await tx.get(POINT_ACCOUNTS, uid);
    const record: Withdrawal = {
      uid,
      status: "running",
      step: WITHDRAWAL_STEPS[0],
      pointsLapsed: account?.data.balance ?? 0,
      requestedAt: clock.now().toISOString(),
      completedAt: null,
      expiresAt: null,
    };
    tx.create(WITHDRAWALS, withdrawalId, record);
    return record;
  });
  logger.info("withdrawal.requested", { withdrawalId });
  try {
    await runWithdrawal({ services, withdrawalId });
    return { pointsLapsed: withdrawal.pointsLapsed, completed: true };
  } catch (error) {
    logger.warn("withdrawal.unfinished", { withdrawalId, ...errorFields(error) });
    return { pointsLapsed: withdrawal.pointsLapsed, completed: false };
  }
}
