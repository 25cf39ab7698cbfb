/**
 * Idempotency keys: every mutation carries one. The first request with a key stores
 * a hash of its content next to what it made, in the same transaction as its effect;
 * a repeat with the same content gets the same result, and a repeat with different
 * content is refused.
 */
import { createHash } from "node:crypto";
import { z } from "zod";
import { addDays } from "../clock/clock";
import type { Transaction } from "../db/database";
import { AppError } from "../errors/app-error";
import { errorKey } from "../errors/error-messages";

import { IDEMPOTENCY_KEYS } from "../privacy/data-inventory";

export { IDEMPOTENCY_KEYS };
export const IDEMPOTENCY_KEY_RETENTION_DAYS = 7;

export const idempotencyKeySchema = z
  .string()
  .trim()
  .min(8, errorKey("validation.idempotencyKeyLength"))
  .max(128, errorKey("validation.idempotencyKeyLength"))
  .regex(/^[A-Za-z0-9_.:-]+$/, errorKey("validation.idempotencyKeyCharacters"));

export interface IdempotencyKeyRecord {
  uid: string;
  scope: string;
  requestHash: string;
  resultId: string;
  createdAt: string;
  expiresAt: string;
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => a.localeCompare(b));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

export function hashRequest(request: unknown): string {
  return createHash("sha256").update(canonical(request)).digest("hex");
}

/** A document id for the key, scoped to the member and operation. */
export function idempotencyDocId(uid: string, scope: string, key: string): string {
  return createHash("sha256").update(`${uid}\u0000${scope}\u0000${key}`).digest("hex").slice(0, 40);
}

/**
 * Reads the key inside a transaction. Returns the id of what the first request made
 * when this is a faithful repeat, null when the key is new; throws when the key was
 * used for different content.
 */
export async function readIdempotencyKey(
  tx: Transaction,
  options: { uid: string; scope: string; key: string; requestHash: string; now: Date },
): Promise<string | null> {
  const doc = await tx.get(IDEMPOTENCY_KEYS, idempotencyDocId(options.uid, options.scope, options.key));
  // A key past its retention is forgotten, whether or not the sweep has deleted it yet.
  if (!doc || doc.data.expiresAt <= options.now.toISOString()) return null;
  if (doc.data.requestHash !== options.requestHash) {
    throw new AppError("IDEMPOTENCY_KEY_REUSED", "request.idempotencyKeyReused");
  }
  return doc.data.resultId;
}

export function recordIdempotencyKey(
  tx: Transaction,
  options: { uid: string; scope: string; key: string; requestHash: string; resultId: string; now: Date },
): void {
  const record: IdempotencyKeyRecord = {
    uid: options.uid,
    scope: options.scope,
    requestHash: options.requestHash,
    resultId: options.resultId,
    createdAt: options.now.toISOString(),
    expiresAt: addDays(options.now, IDEMPOTENCY_KEY_RETENTION_DAYS).toISOString(),
  };
  // set, not create: an expired record of the same key may still be there, and the
  // caller read the key in this same transaction.
  tx.set(IDEMPOTENCY_KEYS, idempotencyDocId(options.uid, options.scope, options.key), record);
}
