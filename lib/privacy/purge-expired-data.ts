/**
 * The retention sweeper: enforces every retention rule of the data inventory, for every
 * kind, in both stores, and knows no kind by name for when: each database kind names
 * the field its period counts from or ends at (`sweptBy`), each blob storage kind its
 * prefix, whose files count from when they were written. What it does know per kind is
 * how to dispose of a record besides deleting it (an image's files, an export's archive,
 * the staff access log's checkpoint) and which due
 * records must wait for something else (an open generation for recovery, a points
 * history for its account to close). "until-withdrawal" kinds are the withdrawal's to
 * delete, "until-delivered" ones the mail sender's. Runs hourly in the worker and as a
 * scheduled Cloud Function; idempotent, and paged in Firestore's 500-write commits.
 */
import { latestStartOverBy } from "../clock/korean-calendar";
import type { Collection, StoredRecord } from "../db/collection";
import { MAX_WRITES_PER_COMMIT, type Cursor, type Database, type Doc, type DocumentData } from "../db/database";
import { GENERATIONS, isFinished } from "../generation/generation-job";
import { deleteImageFiles } from "../images/delete-image-files";
import { IMAGES } from "../images/image-record";
import { MEMBERS } from "../accounts/members";
import { logger } from "../observability/logger";
import { POINT_ACCOUNTS } from "../points/ledger";
import type { Services } from "../services";
import type { BlobStorage } from "../storage/blob-storage";
import { checkpointBeforeRemoval, STAFF_ACCESS_LOG } from "../staff/access-log";
import { DATA_EXPORTS } from "./data-export";
import { DATA_INVENTORY, inventoriedCollection, type DataKind, type Retention, type SweptBy } from "./data-inventory";

/**
 * A write unfinished for this long is abandoned (its process died): a whole image is
 * written in well under a second, so an hour never cuts a live write short.
 */
export const ABANDONED_WRITE_AGE_MS = 60 * 60_000;

export type Period = Exclude<Retention, { kind: "until-withdrawal" } | { kind: "until-delivered" }>;

export type SweptDatabaseKind = DataKind & {
  store: { kind: "database"; collection: string };
  retention: Period & { sweptBy: SweptBy };
};
export type SweptBlobKind = DataKind & { store: { kind: "blob-storage"; prefix: string }; retention: Period };

function hasPeriod(retention: Retention): retention is Period {
  return retention.kind === "days" || retention.kind === "months" || retention.kind === "years";
}

/** The database kinds the sweeper enforces: every one with a period. */
export function sweptDatabaseKinds(): SweptDatabaseKind[] {
  return DATA_INVENTORY.filter(
    (kind): kind is SweptDatabaseKind =>
      kind.store.kind === "database" && hasPeriod(kind.retention) && kind.retention.sweptBy !== undefined,
  );
}

export function sweptBlobKinds(): SweptBlobKind[] {
  return DATA_INVENTORY.filter(
    (kind): kind is SweptBlobKind => kind.store.kind === "blob-storage" && hasPeriod(kind.retention),
  );
}

/** The largest value of the kind's `sweptBy` field that is due now. */
export function sweepCutoff(kind: SweptDatabaseKind, now: Date): string {
  return (kind.retention.sweptBy.marks === "end" ? now : latestStartOverBy(now, kind.retention)).toISOString();
}

interface Disposal<T> {
  /** A due record that must wait (the sweep passes it and tries again next time). */
  waits?(data: T): boolean;
  /** What goes with the records, done before they are deleted so a crash leaves nothing unnamed. */
  beforeDelete?(docs: Doc<T>[], stores: { blobs: BlobStorage; db: Database }): Promise<void>;
}

function disposal<T extends StoredRecord<T>>(
  collection: Collection<T>,
  steps: Disposal<T>,
): [string, Disposal<DocumentData>] {
  return [collection.name, steps];
}

const DISPOSALS = new Map<string, Disposal<DocumentData>>([
  // A job somehow still open is left for recovery to close (and settle its points) first.
  disposal(GENERATIONS, { waits: (job) => !isFinished(job.status) }),
  disposal(IMAGES, {
    beforeDelete: async (images, { blobs }) => {
      await Promise.all(images.map((image) => deleteImageFiles(blobs, image.data.fileKey)));
    },
  }),
  disposal(DATA_EXPORTS, {
    beforeDelete: async (exports, { blobs }) => {
      const archives = exports.flatMap(({ data }) => (data.fileKey ? [data.fileKey] : []));
      await Promise.all(archives.map((key) => blobs.delete(key)));
    },
  }),
  disposal(STAFF_ACCESS_LOG, {
    beforeDelete: (entries, { db }) =>
      checkpointBeforeRemoval(
        db,
        entries.map(({ data }) => data),
      ),
  }),
]);

/**
 * Whether a member's points account is closed, so its history may go: it has not moved
 * for its retention period and holds no points, or its member is gone. No account at
 * all (an order never paid, or an account already swept) is closed too.
 */
class PointsAccounts {
  private readonly closed = new Map<string, boolean>();

  constructor(
    private readonly db: Database,
    private readonly cutoff: string,
  ) {}

  async isClosed(uid: string): Promise<boolean> {
    const known = this.closed.get(uid);
    if (known !== undefined) return known;
    const account = await this.db.get(POINT_ACCOUNTS, uid);
    const closed =
      !account ||
      (account.data.updatedAt <= this.cutoff &&
        (account.data.balance === 0 || (await this.db.get(MEMBERS, uid)) === null));
    this.closed.set(uid, closed);
    return closed;
  }
}

interface SweepContext {
  db: Database;
  blobs: BlobStorage;
  now: Date;
  pageSize: number;
  accounts: PointsAccounts;
}

async function sweepKind(context: SweepContext, kind: SweptDatabaseKind): Promise<number> {
  const { db, blobs, pageSize } = context;
  const collection = inventoriedCollection(kind.store.collection);
  const { field, keptWhilePointsAccountOpen } = kind.retention.sweptBy;
  const cutoff = sweepCutoff(kind, context.now);
  const steps = DISPOSALS.get(collection.name);
  let deleted = 0;
  let after: Cursor | undefined;
  for (;;) {
    const page = await db.query({
      collection,
      where: [{ field, op: "<=", value: cutoff }],
      limit: pageSize,
      ...(after ? { startAfter: after } : {}),
    });
    const due: Doc<DocumentData>[] = [];
    for (const doc of page) {
      if (steps?.waits?.(doc.data)) continue;
      if (keptWhilePointsAccountOpen && !(await context.accounts.isClosed(doc.data.uid as string))) continue;
      due.push(doc);
    }
    await steps?.beforeDelete?.(due, { blobs, db });
    if (due.length > 0) {
      const batch = db.batch();
      for (const { id } of due) batch.delete(collection, id);
      await batch.commit();
    }
    deleted += due.length;
    const last = page[page.length - 1];
    if (page.length < pageSize || !last) return deleted;
    // Past the records that wait, so they cannot hide due ones behind them.
    after = { values: [last.data[field] ?? null], id: last.id };
  }
}

/** Files under the kind's prefix written before its period began. */
async function sweepBlobKind(context: SweepContext, kind: SweptBlobKind): Promise<number> {
  // removeWrittenBefore keeps what was written at its bound; the latest start over is due itself.
  const bound = new Date(latestStartOverBy(context.now, kind.retention).getTime() + 1);
  return context.blobs.removeWrittenBefore(kind.store.prefix, bound);
}

export interface PurgeExpiredDataOptions {
  services: Services;
  /** Records read and deleted per commit: at most Firestore's 500 writes. */
  pageSize?: number;
}

/** How many records each kind lost (database kinds by collection, blob kinds by id), and the abandoned writes removed. */
export type PurgeOutcome = Record<string, number> & { abandonedWrites: number };

export async function purgeExpiredData(options: PurgeExpiredDataOptions): Promise<PurgeOutcome> {
  const { db, blobs, clock } = options.services;
  const now = clock.now();
  const pageSize = Math.min(options.pageSize ?? MAX_WRITES_PER_COMMIT, MAX_WRITES_PER_COMMIT);
  const accounts = new PointsAccounts(db, sweepCutoff(POINT_ACCOUNTS.kind as SweptDatabaseKind, now));
  const context: SweepContext = { db, blobs, now, pageSize, accounts };
  const outcome: Record<string, number> = {};
  // The account goes after its history: until then it still says the history's account is closed.
  const kinds = sweptDatabaseKinds().sort(
    (a, b) => Number(a.id === POINT_ACCOUNTS.kind.id) - Number(b.id === POINT_ACCOUNTS.kind.id),
  );
  for (const kind of kinds) outcome[kind.store.collection] = await sweepKind(context, kind);
  for (const kind of sweptBlobKinds()) outcome[kind.id] = await sweepBlobKind(context, kind);
  const abandonedWrites = await blobs.removeAbandonedWrites(new Date(now.getTime() - ABANDONED_WRITE_AGE_MS));
  const result: PurgeOutcome = { ...outcome, abandonedWrites };
  if (Object.values(result).some((count) => count > 0)) logger.info("retention.purged", result);
  return result;
}
