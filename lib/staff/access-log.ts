/**
 * The staff access log: every staff action and every view of a member's data, in one
 * append-only chain. Each entry's hash is an HMAC-SHA256, under STAFF_ACCESS_LOG_KEY,
 * of its own fields and its predecessor's hash, so changing, removing or reordering
 * any entry breaks the chain from there on (verify-access-log.ts names where). The key
 * is kept apart from the data: whoever can write the database but lacks it cannot
 * rewrite an entry and seal the chain after it again, as a plain hash would allow.
 *
 * Appends are serialised through one head document, read and written in the same
 * transaction as the entry: two appends that race both read the head, one commits,
 * the other is retried against the new head, so the chain never forks. The retention
 * sweeper removes expired entries from the front only (their `at` never decreases
 * along the chain) and leaves a checkpoint, the last removed entry's hash, from which
 * the rest is still proven.
 */
import { createHmac } from "node:crypto";
import { clientKey, UNIDENTIFIED_CLIENT } from "../abuse/client-key";
import type { ServerConfig } from "../config/env";
import type { Database, Transaction } from "../db/database";
import { STAFF_ACCESS_CHAIN, STAFF_ACCESS_LOG } from "../privacy/data-inventory";
import type { StaffRole } from "./staff-actor";

export { STAFF_ACCESS_CHAIN, STAFF_ACCESS_LOG };

/** The previous hash of the first entry of a chain that never lost a prefix. */
export const GENESIS_HASH = "0".repeat(64);

/**
 * allowed: the action was let through and ran (or is about to);
 * refused: the session lacked the role, or the request the reason, and nothing was shown;
 * failed: the action was allowed but did not complete (its error code is in `action`'s answer, not here).
 */
export type StaffAccessOutcome = "allowed" | "refused" | "failed";

/** What the caller says about an access: everything but its place in the chain. */
export interface StaffAccess {
  staffUid: string;
  role: StaffRole;
  /** What was done, e.g. "member.view" or "refund.approve". */
  action: string;
  /** The member whose data was seen or changed, if any. */
  memberUid: string | null;
  /** The staff member's stated reason, where the action needs one. */
  reason: string | null;
  /** The client's address as client-key.ts gives it, or null when it cannot be known (local mode). */
  client: string | null;
  outcome: StaffAccessOutcome;
}

export interface StaffAccessEntry extends StaffAccess {
  /** 0 for the first entry ever written; one more than its predecessor. */
  seq: number;
  at: string;
  /**
   * When the previous entry was written (null for the first ever): hashed with this
   * entry, so a checkpoint can be proven to stand after expired entries only.
   */
  prevAt: string | null;
  prevHash: string;
  hash: string;
}

/**
 * The chain's one head document: the last entry written and the checkpoint, the last
 * entry the sweeper removed. Dated by the last entry, so it is swept only with the last
 * of them; a chain appended to after that starts afresh.
 */
export interface StaffAccessChainHead {
  seq: number;
  hash: string;
  at: string;
  checkpointSeq: number | null;
  checkpointHash: string | null;
}

export const CHAIN_HEAD_ID = "head";

/** Where a request came from, as the log records it: the client's address, or null when it cannot be known. */
export function accessClient(headers: Headers, trustedProxyHops: number): string | null {
  const client = clientKey(headers, trustedProxyHops);
  return client === UNIDENTIFIED_CLIENT ? null : client;
}

/** Ids sort as their sequence numbers do. */
export function accessEntryId(seq: number): string {
  return String(seq).padStart(12, "0");
}

/** The entry's canonical form: its fields in a fixed order, so the same entry always hashes alike. */
export function canonicalAccessEntry(entry: Omit<StaffAccessEntry, "hash">): string {
  return JSON.stringify([
    entry.seq,
    entry.at,
    entry.staffUid,
    entry.role,
    entry.action,
    entry.memberUid,
    entry.reason,
    entry.client,
    entry.outcome,
    entry.prevAt,
    entry.prevHash,
  ]);
}

/** Local mode only (production refuses to start without STAFF_ACCESS_LOG_KEY): never seals a real log. */
const LOCAL_DEVELOPMENT_KEY = "imagesfactory-local-development-staff-access-log-key";

/** The key that seals the chain: STAFF_ACCESS_LOG_KEY, or in local mode a fixed development key. */
export function staffAccessLogKey(config: Pick<ServerConfig, "STAFF_ACCESS_LOG_KEY" | "APP_MODE">): string {
  if (config.STAFF_ACCESS_LOG_KEY) return config.STAFF_ACCESS_LOG_KEY;
  if (config.APP_MODE === "production") throw new Error("STAFF_ACCESS_LOG_KEY is not set.");
  return LOCAL_DEVELOPMENT_KEY;
}

export function accessEntryHash(key: string, entry: Omit<StaffAccessEntry, "hash">): string {
  return createHmac("sha256", key).update(canonicalAccessEntry(entry)).digest("hex");
}

/**
 * Appends in the caller's transaction, which must not have written yet (it reads the
 * head). For a use case whose change and its log entry must commit together.
 */
export async function appendStaffAccessIn(
  tx: Transaction,
  key: string,
  access: StaffAccess,
  now: Date,
): Promise<StaffAccessEntry> {
  const [entry] = await appendStaffAccessesIn(tx, key, [access], now);
  return entry!;
}

/** Appends several entries in order, reading the head once (a transaction may not read after it writes). */
async function appendStaffAccessesIn(
  tx: Transaction,
  key: string,
  accesses: readonly StaffAccess[],
  now: Date,
): Promise<StaffAccessEntry[]> {
  const head = (await tx.get(STAFF_ACCESS_CHAIN, CHAIN_HEAD_ID))?.data ?? null;
  let previous: Pick<StaffAccessEntry, "seq" | "at" | "hash"> | null = head;
  const entries: StaffAccessEntry[] = [];
  for (const access of accesses) {
    const seq = previous ? previous.seq + 1 : 0;
    // Never earlier than its predecessor, so the sweeper's expired entries are always a prefix.
    const at = previous && previous.at > now.toISOString() ? previous.at : now.toISOString();
    const unhashed = { ...access, seq, at, prevAt: previous?.at ?? null, prevHash: previous?.hash ?? GENESIS_HASH };
    const entry: StaffAccessEntry = { ...unhashed, hash: accessEntryHash(key, unhashed) };
    tx.create(STAFF_ACCESS_LOG, accessEntryId(seq), entry);
    entries.push(entry);
    previous = entry;
  }
  if (previous && previous !== head)
    tx.set(STAFF_ACCESS_CHAIN, CHAIN_HEAD_ID, {
      seq: previous.seq,
      hash: previous.hash,
      at: previous.at,
      checkpointSeq: head?.checkpointSeq ?? null,
      checkpointHash: head?.checkpointHash ?? null,
    });
  return entries;
}

export function appendStaffAccess(
  db: Database,
  key: string,
  access: StaffAccess,
  now: Date,
): Promise<StaffAccessEntry> {
  return db.runTransaction((tx) => appendStaffAccessIn(tx, key, access, now));
}

export function appendStaffAccesses(
  db: Database,
  key: string,
  accesses: readonly StaffAccess[],
  now: Date,
): Promise<StaffAccessEntry[]> {
  return db.runTransaction((tx) => appendStaffAccessesIn(tx, key, accesses, now));
}

/**
 * Before the sweeper deletes expired entries (a prefix of the chain): moves the
 * checkpoint to the last of them, so the remaining entries are proven from its hash.
 * Done first, so a crash before the deletion leaves entries the verifier passes over.
 */
export async function checkpointBeforeRemoval(db: Database, removed: StaffAccessEntry[]): Promise<void> {
  const last = removed.reduce<StaffAccessEntry | null>(
    (latest, entry) => (latest && latest.seq >= entry.seq ? latest : entry),
    null,
  );
  if (!last) return;
  await db.runTransaction(async (tx) => {
    const head = (await tx.get(STAFF_ACCESS_CHAIN, CHAIN_HEAD_ID))?.data;
    if (!head || (head.checkpointSeq ?? -1) >= last.seq) return;
    tx.update(STAFF_ACCESS_CHAIN, CHAIN_HEAD_ID, { checkpointSeq: last.seq, checkpointHash: last.hash });
  });
}
