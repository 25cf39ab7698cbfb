/**
 * The local database: documents as JSON rows in one embedded SQLite file.
 *
 * Transactions are pessimistic: the process takes an in-process lock, then SQLite's
 * write lock (BEGIN IMMEDIATE), so transactions are serializable across every process
 * that opens the same file (web server, worker, command-line tools). Writes are
 * buffered and applied at commit, which is how Firestore behaves, and a read after a
 * write is refused, as Firestore refuses it.
 */
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import BetterSqlite3 from "better-sqlite3";
import { databaseError } from "../database-error";
import { asDocument, type Collection, type StoredRecord } from "../collection";
import {
  MAX_WRITES_PER_COMMIT,
  toPlainQuery,
  type Database,
  type Doc,
  type DocumentData,
  type PlainQuery,
  type Query,
  type Transaction,
  type WriteBatch,
} from "../database";
import { assertDocumentPath, assertWritable } from "../document-rules";
import { assertIndexed, type IndexFile } from "../index-rules";
import { toSql } from "./sqlite-query";

type Write =
  | { kind: "create" | "set"; collection: string; id: string; data: DocumentData }
  | { kind: "update"; collection: string; id: string; data: DocumentData }
  | { kind: "delete"; collection: string; id: string };

interface Row {
  id: string;
  data: string;
}

const BUSY_TIMEOUT_MS = 10_000;

/** A FIFO lock, so that one connection runs one transaction at a time. */
class AsyncLock {
  private tail: Promise<void> = Promise.resolve();

  async run<T>(fn: () => Promise<T>): Promise<T> {
    const previous = this.tail;
    let release!: () => void;
    this.tail = new Promise<void>((resolve) => (release = resolve));
    await previous;
    try {
      return await fn();
    } finally {
      release();
    }
  }
}

export interface SqliteDatabaseOptions {
  /** A file path, or ":memory:" for a private in-memory store. */
  file: string;
  indexes: IndexFile;
}

export class SqliteDatabase implements Database {
  private readonly db: BetterSqlite3.Database;
  private readonly indexes: IndexFile;
  private readonly lock = new AsyncLock();
  /** Set by a commit that deleted (a rolled-back one too: a needless checkpoint does no harm). */
  private deletedSinceCheckpoint = false;

  constructor(options: SqliteDatabaseOptions) {
    if (options.file !== ":memory:") mkdirSync(dirname(options.file), { recursive: true });
    this.db = new BetterSqlite3(options.file, { timeout: BUSY_TIMEOUT_MS });
    this.db.pragma("journal_mode = WAL");
    // FULL: a committed credit survives a power cut, not just a process crash.
    this.db.pragma("synchronous = FULL");
    // Deletion is real (the privacy policy's promise): a deleted document's bytes are
    // overwritten with zeros, not left readable in a free page (and see eraseDeleted).
    this.db.pragma("secure_delete = ON");
    this.db.exec(
      "CREATE TABLE IF NOT EXISTS documents (collection TEXT NOT NULL, id TEXT NOT NULL, data TEXT NOT NULL, PRIMARY KEY (collection, id)) WITHOUT ROWID",
    );
    this.indexes = options.indexes;
  }

  async get<T extends StoredRecord<T>>(collection: Collection<T>, id: string): Promise<Doc<T> | null> {
    return this.readOne<T>(collection.name, id);
  }

  async query<T extends StoredRecord<T>>(query: Query<T>): Promise<Doc<T>[]> {
    return this.readMany<T>(toPlainQuery(query));
  }

  runTransaction<R>(fn: (tx: Transaction) => Promise<R>): Promise<R> {
    return this.lock.run(async () => {
      try {
        this.db.exec("BEGIN IMMEDIATE");
      } catch (error) {
        throw databaseError("CONTENTION", `The database stayed locked: ${(error as Error).message}`);
      }
      try {
        const tx = new SqliteTransaction(this);
        const result = await fn(tx);
        this.apply(tx.close());
        this.db.exec("COMMIT");
        this.eraseDeleted();
        return result;
      } catch (error) {
        if (this.db.inTransaction) this.db.exec("ROLLBACK");
        throw error;
      }
    });
  }

  batch(): WriteBatch {
    const writes = new WriteBuffer();
    return {
      create: (c, id, data) => writes.add({ kind: "create", collection: c.name, id, data: asDocument(data) }),
      set: (c, id, data) => writes.add({ kind: "set", collection: c.name, id, data: asDocument(data) }),
      update: (c, id, data) => writes.add({ kind: "update", collection: c.name, id, data: asDocument(data) }),
      delete: (c, id) => writes.add({ kind: "delete", collection: c.name, id }),
      commit: () => this.runTransaction(async () => this.apply(writes.close())),
    };
  }

  async close(): Promise<void> {
    await this.lock.run(async () => this.db.close());
  }

  /** @internal used by transactions, which hold the lock. */
  readOne<T>(collection: string, id: string): Doc<T> | null {
    assertDocumentPath(collection, id);
    const row = this.db
      .prepare<[string, string], Row>("SELECT id, data FROM documents WHERE collection = ? AND id = ?")
      .get(collection, id);
    return row ? { id: row.id, data: JSON.parse(row.data) as T } : null;
  }

  /** @internal used by transactions, which hold the lock. */
  readMany<T>(query: PlainQuery): Doc<T>[] {
    assertIndexed(query, this.indexes);
    const { sql, params } = toSql(query);
    const rows = this.db.prepare<unknown[], Row>(sql).all(...params);
    return rows.map((row) => ({ id: row.id, data: JSON.parse(row.data) as T }));
  }

  /**
   * In WAL mode a commit only appends pages to the log: the file keeps the page as it
   * was, deleted document included, until a checkpoint copies the new one over it, and
   * the log keeps older copies until it is cut. So a commit that deletes checkpoints at
   * once and truncates the log. Should a reader in another process hold the checkpoint
   * back, the next one finishes it.
   */
  private eraseDeleted(): void {
    if (!this.deletedSinceCheckpoint) return;
    this.deletedSinceCheckpoint = false;
    this.db.pragma("wal_checkpoint(TRUNCATE)");
  }

  private apply(writes: Write[]): void {
    const exists = this.db.prepare<[string, string], { found: number }>(
      "SELECT 1 AS found FROM documents WHERE collection = ? AND id = ?",
    );
    const upsert = this.db.prepare(
      "INSERT INTO documents (collection, id, data) VALUES (?, ?, ?) ON CONFLICT (collection, id) DO UPDATE SET data = excluded.data",
    );
    const remove = this.db.prepare("DELETE FROM documents WHERE collection = ? AND id = ?");
    for (const write of writes) {
      const path = `${write.collection}/${write.id}`;
      if (write.kind === "delete") {
        remove.run(write.collection, write.id);
        this.deletedSinceCheckpoint = true;
        continue;
      }
      let data = write.data;
      if (write.kind === "create" && exists.get(write.collection, write.id)) {
        throw databaseError("ALREADY_EXISTS", `Document ${path} already exists.`);
      }
      if (write.kind === "update") {
        const current = this.readOne<DocumentData>(write.collection, write.id);
        if (!current) throw databaseError("NOT_FOUND", `Document ${path} does not exist.`);
        data = { ...current.data, ...write.data };
      }
      assertWritable(write.collection, write.id, data);
      upsert.run(write.collection, write.id, JSON.stringify(data));
    }
  }
}

class WriteBuffer {
  private readonly writes: Write[] = [];
  private closed = false;

  add(write: Write): void {
    if (this.closed) throw databaseError("DATABASE_REFUSED", "This transaction or batch has already been committed.");
    if (write.kind !== "delete") assertWritable(write.collection, write.id, write.data);
    else assertDocumentPath(write.collection, write.id);
    if (write.kind === "update" && Object.keys(write.data).length === 0) {
      throw databaseError(
        "DATABASE_REFUSED",
        `An update of ${write.collection}/${write.id} needs at least one field, as in Firestore.`,
      );
    }
    if (this.writes.length >= MAX_WRITES_PER_COMMIT) {
      throw databaseError("DATABASE_REFUSED", `A commit may hold at most ${MAX_WRITES_PER_COMMIT} writes.`);
    }
    this.writes.push(write);
  }

  get size(): number {
    return this.writes.length;
  }

  close(): Write[] {
    // A second commit of a batch would apply its writes twice.
    if (this.closed) throw databaseError("DATABASE_REFUSED", "This transaction or batch has already been committed.");
    this.closed = true;
    return this.writes;
  }
}

class SqliteTransaction implements Transaction {
  private readonly writes = new WriteBuffer();

  constructor(private readonly store: SqliteDatabase) {}

  private assertReadable(): void {
    if (this.writes.size > 0) {
      throw databaseError(
        "DATABASE_REFUSED",
        "Firestore transactions require all reads to be executed before all writes.",
      );
    }
  }

  async get<T extends StoredRecord<T>>(collection: Collection<T>, id: string): Promise<Doc<T> | null> {
    this.assertReadable();
    return this.store.readOne<T>(collection.name, id);
  }

  async query<T extends StoredRecord<T>>(query: Query<T>): Promise<Doc<T>[]> {
    this.assertReadable();
    return this.store.readMany<T>(toPlainQuery(query));
  }

  create<T extends StoredRecord<T>>(collection: Collection<T>, id: string, data: T): void {
    this.writes.add({ kind: "create", collection: collection.name, id, data: asDocument(data) });
  }

  set<T extends StoredRecord<T>>(collection: Collection<T>, id: string, data: T): void {
    this.writes.add({ kind: "set", collection: collection.name, id, data: asDocument(data) });
  }

  update<T extends StoredRecord<T>>(collection: Collection<T>, id: string, data: Partial<T>): void {
    this.writes.add({ kind: "update", collection: collection.name, id, data: asDocument(data) });
  }

  delete<T extends StoredRecord<T>>(collection: Collection<T>, id: string): void {
    this.writes.add({ kind: "delete", collection: collection.name, id });
  }

  close(): Write[] {
    return this.writes.close();
  }
}
