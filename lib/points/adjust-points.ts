import { z } from "zod";
import { MEMBERS } from "../accounts/members";
import { AppError } from "../errors/app-error";
import { GENERATIONS } from "../generation/generation-job";
import {
  hashRequest,
  idempotencyKeySchema,
  readIdempotencyKey,
  recordIdempotencyKey,
} from "../idempotency/idempotency-key";
import { ORDERS } from "../orders/order";
import type { Services } from "../services";
import type { StaffActor } from "../staff/staff-actor";
import { humanText } from "../text/human-text";
import { appendLedgerEntry, ledgerEntryId, POINT_ENTRIES, readPointAccount } from "./ledger";

/** Far above any package (30,000 points): a typo of a few extra zeros is refused, not booked. */
export const MAX_ADJUSTMENT = 1_000_000;

export const adjustPointsInput = z.object({
  delta: z
    .number()
    .int()
    .min(-MAX_ADJUSTMENT)
    .max(MAX_ADJUSTMENT)
    .refine((delta) => delta !== 0),
  reason: humanText({ field: "reason", maxLength: 500 }),
  correcting: z.object({ kind: z.enum(["order", "generation", "ledger-entry"]), id: z.string().min(1).max(128) }),
  idempotencyKey: idempotencyKeySchema,
});

export interface AdjustPointsOptions {
  services: Services;
  actor: StaffActor;
  uid: string;
  delta: number;
  reason: string;
  correcting: { kind: "order" | "generation" | "ledger-entry"; id: string };
  idempotencyKey: string;
}

export interface PointsAdjustment {
  entryId: string;
  balance: number;
  freeBalance: number;
  /** True when the key had made this adjustment before: nothing moved again. */
  repeated: boolean;
}

const SCOPE = "points-adjustment";

/**
 * Staff's correction of a member's points: a new ledger entry of kind "adjustment",
 * never an edit, with the reason and what it corrects (one of the member's own
 * orders, generations or ledger entries). A credit is bonus points (given free, never
 * refunded); a debit takes paid points first, like spending, and never below zero
 * (INSUFFICIENT_POINTS, nothing changed). The same key and content answer the first
 * adjustment; the same key with other content is refused.
 */
export async function adjustPoints(options: AdjustPointsOptions): Promise<PointsAdjustment> {
  const { db, clock } = options.services;
  const input = adjustPointsInput.parse(options);
  const { uid } = options;
  const requestHash = hashRequest({ uid, delta: input.delta, reason: input.reason, correcting: input.correcting });
  const entryId = ledgerEntryId(uid, `adjustment:${input.idempotencyKey}`);
  return db.runTransaction(async (tx) => {
    const now = clock.now();
    const key = { uid, scope: SCOPE, key: input.idempotencyKey, requestHash, now };
    const account = await readPointAccount(tx, uid);
    if (await readIdempotencyKey(tx, key))
      return { entryId, balance: account.balance, freeBalance: account.freeBalance, repeated: true };
    if (!(await tx.get(MEMBERS, uid))) throw new AppError("ACCOUNT_INCOMPLETE", "account.incomplete");
    const { kind, id } = input.correcting;
    const corrected =
      kind === "order"
        ? await tx.get(ORDERS, id)
        : kind === "generation"
          ? await tx.get(GENERATIONS, id)
          : await tx.get(POINT_ENTRIES, id);
    if (corrected?.data.uid !== uid)
      throw new AppError("NOT_FOUND", "points.correctedNotFound", {
        fields: { correcting: "points.correctedNotFound" },
      });
    const next = appendLedgerEntry(tx, account, {
      uniqueBy: `adjustment:${input.idempotencyKey}`,
      kind: "adjustment",
      amount: input.delta,
      reason: input.reason,
      correcting: `${kind}:${id}`,
      adjustedBy: options.actor.uid,
      now,
    });
    recordIdempotencyKey(tx, { ...key, resultId: entryId });
    return { entryId, balance: next.balance, freeBalance: next.freeBalance, repeated: false };
  });
}
