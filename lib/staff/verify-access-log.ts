/**
 * Proves the staff access log (access-log.ts): walks the chain from the checkpoint (or
 * from its start) to the head and names the first entry that is not as it was written.
 */
import { latestStartOverBy, type CalendarPeriod } from "../clock/korean-calendar";
import type { Cursor, Database } from "../db/database";
import {
  accessEntryHash,
  accessEntryId,
  CHAIN_HEAD_ID,
  GENESIS_HASH,
  STAFF_ACCESS_CHAIN,
  STAFF_ACCESS_LOG,
  type StaffAccessEntry,
} from "./access-log";

/**
 * changed: the entry's fields no longer give its hash, or the next entry chained to
 * another hash (it was rewritten, hash and all); removed: an entry is missing (named
 * by the sequence number it had); reordered: an entry sits where another belongs.
 */
export type AccessLogProblem = "changed" | "removed" | "reordered";

export interface AccessLogVerdict {
  /** Entries proven. */
  entries: number;
  /** The first entry found broken, or null when the whole chain holds. */
  broken: { seq: number; problem: AccessLogProblem } | null;
}

const PAGE = 500;

export interface VerifyAccessLogOptions {
  db: Database;
  /** The key that sealed the chain (staffAccessLogKey). */
  key: string;
  /** Entries written before `now` less the log's retention may be gone (swept); later ones may not. */
  now: Date;
}

/**
 * A checkpoint (the sweeper's mark of what it removed) is trusted only so far as the
 * chain itself proves it: the entries still present at or below it must hash as
 * written and link up to its hash, and the last entry it stands for must be expired,
 * as the next entry's hashed `prevAt` (or the head's time, when every entry went)
 * shows. So a checkpoint moved over fresh entries, to hide a change or a deletion,
 * is named as their removal.
 */
export async function verifyAccessLog(options: VerifyAccessLogOptions): Promise<AccessLogVerdict> {
  const { db, key } = options;
  const head = (await db.get(STAFF_ACCESS_CHAIN, CHAIN_HEAD_ID))?.data ?? null;
  const expiredBefore = latestStartOverBy(options.now, STAFF_ACCESS_LOG.kind.retention as CalendarPeriod).toISOString();
  const checkpointSeq = head?.checkpointSeq ?? -1;
  let expectedSeq = checkpointSeq + 1;
  let expectedPrev = head?.checkpointHash ?? GENESIS_HASH;
  let previous: StaffAccessEntry | null = null;
  let leftover: StaffAccessEntry | null = null;
  let entries = 0;
  let after: Cursor | undefined;
  const broken = (seq: number, problem: AccessLogProblem): AccessLogVerdict => ({
    entries,
    broken: { seq, problem },
  });
  for (;;) {
    const page = await db.query({
      collection: STAFF_ACCESS_LOG,
      orderBy: [{ field: "seq", direction: "asc" }],
      limit: PAGE,
      ...(after ? { startAfter: after } : {}),
    });
    for (const { id, data: entry } of page) {
      const { hash, ...fields } = entry;
      if (entry.seq <= checkpointSeq) {
        // Left by a sweep that stopped between its checkpoint and its deletion: still as written, expired, and linked.
        if (id !== accessEntryId(entry.seq)) return broken(entry.seq, "reordered");
        if (accessEntryHash(key, fields) !== hash || entry.at > expiredBefore) return broken(entry.seq, "changed");
        if (leftover && leftover.seq === entry.seq - 1 && entry.prevHash !== leftover.hash)
          return broken(leftover.seq, "changed");
        if (entry.seq === checkpointSeq && hash !== head?.checkpointHash) return broken(entry.seq, "changed");
        leftover = entry;
        continue;
      }
      if (id !== accessEntryId(entry.seq) || entry.seq < expectedSeq) return broken(entry.seq, "reordered");
      if (entry.seq > expectedSeq) return broken(expectedSeq, "removed");
      if (accessEntryHash(key, fields) !== hash) return broken(entry.seq, "changed");
      if (entry.prevHash !== expectedPrev) return broken(previous?.seq ?? entry.seq, "changed");
      // The first entry after the checkpoint: what it followed must have expired to be gone.
      if (
        entry.seq === checkpointSeq + 1 &&
        checkpointSeq >= 0 &&
        (entry.prevAt === null || entry.prevAt > expiredBefore)
      )
        return broken(checkpointSeq, "removed");
      previous = entry;
      expectedPrev = hash;
      expectedSeq += 1;
      entries += 1;
    }
    const last = page[page.length - 1];
    if (page.length < PAGE || !last) break;
    after = { values: [last.data.seq], id: last.id };
  }
  if (!head) return entries === 0 ? { entries, broken: null } : broken(expectedSeq, "removed");
  // Every entry swept: only once the last of them had expired.
  if (head.seq === checkpointSeq && head.at > expiredBefore) return broken(checkpointSeq, "removed");
  // The tail: entries after the last one found gone, the last one rewritten, or one added past the head.
  if (head.seq >= expectedSeq) return broken(expectedSeq, "removed");
  if (head.seq < expectedSeq - 1) return broken(head.seq + 1, "changed");
  if (head.hash !== expectedPrev) return broken(head.seq, "changed");
  return { entries, broken: null };
}
