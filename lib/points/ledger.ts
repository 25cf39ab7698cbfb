/**
 * The points ledger: an append-only list of entries per member and a stored balance
 * that always equals their sum. Nothing is edited or deleted; a correction is a new
 * entry. The functions here run inside a caller's transaction, in Firestore's order:
 * read the account first (readPointAccount), then append (appendLedgerEntry).
 *
 * Paid and bonus points (the terms, article 7). Points bought are paid; a package's
 * bonus, welcome points and goodwill grants are bonus points, given free, and money is
 * only ever returned for paid points. The balance is split in two (`freeBalance` holds
 * the bonus points, the rest are paid), and each entry records how much of it moved
 * bonus points (`freeAmount`):
 * - a purchase adds its package's points as paid and its bonus as free (the caller
 *   says how many); welcome points and a positive adjustment are free;
 * - spending (a reservation, a negative adjustment) uses paid points first, bonus
 *   points only once no paid point is left;
 * - a release gives back what its reservation held, charging the paid part first
 *   (lib/points/reservations.ts);
 * - a refund takes back paid points of one purchase and withdraws the bonus that came
 *   with it (lib/refunds).
 */
import { createHash } from "node:crypto";
import type { Transaction } from "../db/database";
import { AppError } from "../errors/app-error";

import { POINT_ACCOUNTS, POINT_ENTRIES } from "../privacy/data-inventory";

export { POINT_ACCOUNTS, POINT_ENTRIES };

/**
 * `welcome` is the free grant on first confirming an address (welcome-points.ts). It
 * was never paid for, so it is never refundable: a refund returns at most what was
 * bought (purchase entries), never welcome points.
 */
export type EntryKind = "purchase" | "reserve" | "release" | "refund" | "adjustment" | "welcome";

export interface PointAccount {
  uid: string;
  balance: number;
  /** The bonus points in the balance: given free, used last, never refunded. */
  freeBalance: number;
  entryCount: number;
  updatedAt: string;
}

export interface PointEntry {
  uid: string;
  kind: EntryKind;
  amount: number;
  /** The part of `amount` that moved bonus points (the rest moved paid points). */
  freeAmount: number;
  balanceAfter: number;
  reason: string;
  reservationId: string | null;
  orderId: string | null;
  /** For an adjustment: what it corrects, as "order:<id>", "generation:<id>" or "ledger-entry:<id>". */
  correcting: string | null;
  /** For an adjustment: the staff member who made it. */
  adjustedBy: string | null;
  createdAt: string;
}

export async function readPointAccount(tx: Transaction, uid: string): Promise<PointAccount> {
  const doc = await tx.get(POINT_ACCOUNTS, uid);
  return doc?.data ?? { uid, balance: 0, freeBalance: 0, entryCount: 0, updatedAt: new Date(0).toISOString() };
}

/**
 * The entry id is derived from what makes the movement unique (an order, a
 * reservation and its step), so the same movement can never be written twice: the
 * second create fails and its whole transaction with it.
 */
export function ledgerEntryId(uid: string, uniqueBy: string): string {
  return createHash("sha256").update(`${uid}\u0000${uniqueBy}`).digest("hex").slice(0, 40);
}

export function appendLedgerEntry(
  tx: Transaction,
  account: PointAccount,
  entry: {
    uniqueBy: string;
    kind: EntryKind;
    amount: number;
    reason: string;
    reservationId?: string;
    orderId?: string;
    correcting?: string;
    adjustedBy?: string;
    /** Required for a purchase, a release and a refund; the rules above decide the rest. */
    freeAmount?: number;
    now: Date;
  },
): PointAccount {
  if (!Number.isSafeInteger(entry.amount) || entry.amount === 0) {
    throw new AppError("INTERNAL", "service.internal", {
      diagnostic: "A ledger entry moves a whole, non-zero number of points.",
    });
  }
  const balance = account.balance + entry.amount;
  if (balance < 0) {
    const facts = { required: -entry.amount, balance: account.balance };
    throw new AppError("INSUFFICIENT_POINTS", "points.insufficient", { values: facts, details: facts });
  }
  const freeAmount = entry.freeAmount ?? defaultFreeAmount(account, entry.kind, entry.amount);
  const freeBalance = account.freeBalance + freeAmount;
  if (!Number.isSafeInteger(freeAmount) || freeBalance < 0 || freeBalance > balance) {
    throw new AppError("INTERNAL", "service.internal", {
      diagnostic: `A ${entry.kind} entry of ${entry.amount} cannot move ${freeAmount} free points of ${account.freeBalance}.`,
    });
  }
  const createdAt = entry.now.toISOString();
  const record: PointEntry = {
    uid: account.uid,
    kind: entry.kind,
    amount: entry.amount,
    freeAmount,
    balanceAfter: balance,
    reason: entry.reason,
    reservationId: entry.reservationId ?? null,
    orderId: entry.orderId ?? null,
    correcting: entry.correcting ?? null,
    adjustedBy: entry.adjustedBy ?? null,
    createdAt,
  };
  tx.create(POINT_ENTRIES, ledgerEntryId(account.uid, entry.uniqueBy), record);
  const next: PointAccount = {
    uid: account.uid,
    balance,
    freeBalance,
    entryCount: account.entryCount + 1,
    updatedAt: createdAt,
  };
  tx.set(POINT_ACCOUNTS, account.uid, next);
  return next;
}

function defaultFreeAmount(account: PointAccount, kind: EntryKind, amount: number): number {
  switch (kind) {
    case "welcome":
      return amount;
    case "reserve":
    case "adjustment":
      // Paid points first: only what they cannot cover comes out of the bonus points.
      return amount > 0 ? amount : -Math.max(0, -amount - (account.balance - account.freeBalance));
    case "purchase":
    case "release":
    case "refund":
      throw new AppError("INTERNAL", "service.internal", {
        diagnostic: `A ${kind} entry says how many of its points are bonus points.`,
      });
  }
}
