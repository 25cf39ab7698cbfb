/**
 * The steps of a withdrawal after whoever asked has been checked: the member asking on
 * My page (request-withdrawal.ts), or staff carrying out a deletion request for them
 * (execute-privacy-request.ts). Both go through these, so a deletion is the same
 * whichever way it was asked for.
 */
import { requireMember } from "../accounts/members";
import type { Database, Transaction } from "../db/database";
import { AppError } from "../errors/app-error";
import type { ErrorMessageKey } from "../errors/error-messages";
import { errorFields, logger } from "../observability/logger";
import { POINT_ACCOUNTS } from "../points/ledger";
import { legalHoldKey, memberPseudonym } from "../privacy/legal-hold";
import type { Services } from "../services";
import { findWithdrawalBlockers, type WithdrawalBlocker } from "./describe-withdrawal";
import { runWithdrawal } from "./run-withdrawal";
import { WITHDRAWAL_STEPS, WITHDRAWALS, type Withdrawal } from "./withdrawal";

const BLOCKER_MESSAGES = {
  "refund-open": "withdrawal.refundOpen",
  "payment-open": "withdrawal.paymentOpen",
  "generation-open": "withdrawal.generationOpen",
} as const satisfies Record<WithdrawalBlocker, ErrorMessageKey>;

export interface WithdrawalOutcome {
  pointsLapsed: number;
  /** False when a step failed: the account is closed to sign-in and the sweep finishes the rest. */
  completed: boolean;
}

export function withdrawalIdOf(services: Services, uid: string): string {
  return memberPseudonym(legalHoldKey(services.config), uid);
}

/**
 * Refuses (INVALID_STATE) while a refund, a payment or a generation is open, and
 * (ACCOUNT_INCOMPLETE) a uid with no member; a withdrawal already recorded may go on.
 */
export async function assertWithdrawable(db: Database, uid: string, withdrawalId: string): Promise<void> {
  if (await db.get(WITHDRAWALS, withdrawalId)) return;
  await requireMember(db, uid);
  const blockers = await findWithdrawalBlockers(db, uid);
  const first = blockers[0];
  if (first) throw new AppError("INVALID_STATE", BLOCKER_MESSAGES[first], { details: { blockers } });
}

/**
 * Records the withdrawal in the caller's transaction, or answers the one recorded
 * before. It reads, then writes: call it after the transaction's other reads.
 */
export async function writeWithdrawal(
  tx: Transaction,
  options: { uid: string; withdrawalId: string; now: Date },
): Promise<Withdrawal> {
  const again = await tx.get(WITHDRAWALS, options.withdrawalId);
  if (again) return again.data;
  const account = await tx.get(POINT_ACCOUNTS, options.uid);
  const record: Withdrawal = {
    uid: options.uid,
    status: "running",
    step: WITHDRAWAL_STEPS[0],
    pointsLapsed: account?.data.balance ?? 0,
    requestedAt: options.now.toISOString(),
    completedAt: null,
    expiresAt: null,
  };
  tx.create(WITHDRAWALS, options.withdrawalId, record);
  return record;
}

/** Carries out a recorded withdrawal at once; should it stop halfway, resume-withdrawals.ts finishes it. */
export async function carryOutWithdrawal(
  services: Services,
  withdrawalId: string,
  withdrawal: Withdrawal,
): Promise<WithdrawalOutcome> {
  logger.info("withdrawal.requested", { withdrawalId });
  try {
    await runWithdrawal({ services, withdrawalId });
    return { pointsLapsed: withdrawal.pointsLapsed, completed: true };
  } catch (error) {
    logger.warn("withdrawal.unfinished", { withdrawalId, ...errorFields(error) });
    return { pointsLapsed: withdrawal.pointsLapsed, completed: false };
  }
}
