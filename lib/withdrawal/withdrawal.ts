/**
 * A withdrawal (회원 탈퇴) in progress or done. The record is the process's memory: it
 * names the member and the next step, so a crash anywhere is finished by the next run
 * (resume-withdrawals.ts), and each step is safe to run again. Its id is the member's
 * legal-hold pseudonym, so a second request finds it; once done, the uid is erased.
 */
import { WITHDRAWALS } from "../privacy/data-inventory";

export { WITHDRAWALS };

/**
 * In order: sign-in refused at once; then the member's data destroyed or moved to the
 * legal hold; the sign-in account itself last, as the earlier steps read its address.
 */
export const WITHDRAWAL_STEPS = [
  "disable-sign-in",
  "member-profile",
  "images",
  "generations",
  "mail",
  "request-records",
  "legal-hold",
  "sign-in-account",
] as const;

export type WithdrawalStep = (typeof WITHDRAWAL_STEPS)[number];

export interface Withdrawal {
  /** Null once done: nothing left links the record to the person. */
  uid: string | null;
  status: "running" | "done";
  /** The next step to run; null once done. */
  step: WithdrawalStep | null;
  /** The points balance that lapsed (the terms, article 9). */
  pointsLapsed: number;
  requestedAt: string;
  completedAt: string | null;
  /** Null while running. */
  expiresAt: string | null;
}

/** How long the record of a finished withdrawal proves it was carried out. */
export const WITHDRAWAL_RECORD_DAYS = 365;
