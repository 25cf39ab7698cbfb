/**
 * The production database: the Database port on Cloud Firestore through
 * firebase-admin. Firestore itself enforces composite indexes, serializability and
 * read-before-write; this adapter adds the document rules that the SQLite adapter
 * applies (sizes, ids, write counts, shallow updates), so both refuse the same writes,
 * and turns Firestore's errors into AppErrors, so no vendor type or error leaves here.
 */
import {
  getFirestore,
  FieldPath,
  Timestamp,
  type DocumentReference,
  type DocumentSnapshot,
  type Firestore,
  type Transaction as FirestoreTransaction,
  type WriteBatch as FirestoreWriteBatch,
} from "firebase-admin/firestore";
import { AppError } from "../../errors/app-error";
import { databaseError } from "../database-error";
import { firebaseAdminApp } from "../../firebase/admin-app";
import { asDocument, type Collection, type StoredRecord } from "../collection";
import {
  MAX_WRITES_PER_COMMIT,
  type Database,
  type Doc,
  type DocumentData,
  type JsonValue,
  type Query,
  toPlainQuery,
  type Transaction,
  type WriteBatch,
} from "../database";
import { assertDocumentPath, assertWritable } from "../document-rules";
import { applyPlan, planQuery } from "./firestore-query-plan";

export interface FirestoreDatabaseOptions {
  /** Attempts before a contended transaction fails with CONTENTION (Firestore's default is 5). */
  maxAttempts?: number;
}

/** gRPC status codes that callers can act on; anything else stays an unknown error (500). */
const GRPC_NOT_FOUND = 5;
const GRPC_ALREADY_EXISTS = 6;
const GRPC_INVALID_ARGUMENT = 3;
const GRPC_FAILED_PRECONDITION = 9;
const GRPC_ABORTED = 10;

function toAppError(error: unknown): unknown {
  if (error instanceof AppError) return error;
  const code: unknown = typeof error === "object" && error !== null && "code" in error ? error.code : undefined;
  const message = error instanceof Error ? error.message : String(error);
  switch (code) {
    case GRPC_ALREADY_EXISTS:
      return databaseError("ALREADY_EXISTS", message);
    case GRPC_NOT_FOUND:
      return databaseError("NOT_FOUND", message);
    case GRPC_ABORTED:
      return databaseError("CONTENTION", message);
    // A document over the size limit (after an update) or a query without its index.
    case GRPC_INVALID_ARGUMENT:
    case GRPC_FAILED_PRECONDITION:
      return databaseError("DATABASE_REFUSED", message);
    default:
      return error;
  }
}

async function translated<T>(operation: () => Promise<T>): Promise<T> {
  try {
    return await operation();
  } catch (error) {
    throw toAppError(error);
  }
}

/** The SDK validates writes synchronously with plain Errors (nested arrays, reserved names). */
function refusedUnlessAppError(error: unknown): unknown {
  if (error instanceof AppError) return error;
  return databaseError("DATABASE_REFUSED", error instanceof Error ? error.message : String(error));
}

/** Documents written by other tools may hold Firestore types; the port only speaks JSON. */
function toJson(value: unknown, path: string): JsonValue {
  if (value === null || typeof value === "string" || typeof value === "boolean") return value;
  if (typeof value === "number") return value;
  if (value instanceof Timestamp) return value.toDate().toISOString();
  if (Array.isArray(value)) return value.map((item, i) => toJson(item, `${path}[${i}]`));
  if (typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
    const map: { [key: string]: JsonValue } = {};
    for (const [key, item] of Object.entries(value)) map[key] = toJson(item, `${path}.${key}`);
    return map;
  }
  throw databaseError("INTERNAL", `Field ${path} holds a Firestore type the port does not support.`);
}

function toDoc<T>(snapshot: DocumentSnapshot): Doc<T> | null {
  const data = snapshot.data();
  if (!snapshot.exists || data === undefined) return null;
  const json: DocumentData = {};
  for (const [field, value] of Object.entries(data)) json[field] = toJson(value, `${snapshot.ref.path}:${field}`);
  return { id: snapshot.id, data: json as T };
}

/** The write calls shared by Firestore's Transaction and WriteBatch. */
interface WriteTarget {
  create(ref: DocumentReference, data: DocumentData): void;
  set(ref: DocumentReference, data: DocumentData): void;
  update(ref: DocumentReference, fields: [FieldPath, JsonValue][]): void;
  delete(ref: DocumentReference): void;
}

function transactionTarget(tx: FirestoreTransaction): WriteTarget {
  return {
    create: (ref, data) => tx.create(ref, data),
    set: (ref, data) => tx.set(ref, data),
    update: (ref, [first, ...rest]) => {
      if (first) tx.update(ref, first[0], first[1], ...rest.flat());
    },
    delete: (ref) => tx.delete(ref),
  };
}

function batchTarget(batch: FirestoreWriteBatch): WriteTarget {
  return {
    create: (ref, data) => batch.create(ref, data),
    set: (ref, data) => batch.set(ref, data),
    update: (ref, [first, ...rest]) => {
      if (first) batch.update(ref, first[0], first[1], ...rest.flat());
    },
    delete: (ref) => batch.delete(ref),
  };
}

/** Applies the port's write rules, then hands the write to Firestore. */
class Writer {
  private count = 0;
  private closed = false;

  constructor(
    private readonly firestore: Firestore,
    private readonly target: WriteTarget,
  ) {}

  get size(): number {
    return this.count;
  }

  create(collection: string, id: string, data: DocumentData): void {
    this.write(() => {
      assertWritable(collection, id, data);
      this.target.create(this.firestore.collection(collection).doc(id), data);
    });
  }

  set(collection: string, id: string, data: DocumentData): void {
    this.write(() => {
      assertWritable(collection, id, data);
      this.target.set(this.firestore.collection(collection).doc(id), data);
    });
  }

  update(collection: string, id: string, fields: DocumentData): void {
    this.write(() => {
      // Only the fields are known here; Firestore refuses a merged document over the limit.
      assertWritable(collection, id, fields);
      const entries = Object.entries(fields);
      if (entries.length === 0)
        throw databaseError("DATABASE_REFUSED", `An update of ${collection}/${id} needs at least one field.`);
      // One FieldPath per key keeps the merge shallow: Firestore would read "a.b" as a nested path.
      const pairs = entries.map(([field, value]): [FieldPath, JsonValue] => [new FieldPath(field), value]);
      this.target.update(this.firestore.collection(collection).doc(id), pairs);
    });
  }

  delete(collection: string, id: string): void {
    this.write(() => {
      assertDocumentPath(collection, id);
      this.target.delete(this.firestore.collection(collection).doc(id));
    });
  }

  close(): void {
    if (this.closed) throw databaseError("DATABASE_REFUSED", "This transaction or batch has already been committed.");
    this.closed = true;
  }

  private write(apply: () => void): void {
    if (this.closed) throw databaseError("DATABASE_REFUSED", "This transaction or batch has already been committed.");
    if (this.count >= MAX_WRITES_PER_COMMIT) {
      throw databaseError("DATABASE_REFUSED", `A commit may hold at most ${MAX_WRITES_PER_COMMIT} writes.`);
    }
    try {
      apply();
    } catch (error) {
      throw refusedUnlessAppError(error);
    }
    this.count += 1;
  }
}

class FirestoreTransactionAdapter implements Transaction {
  private readonly writer: Writer;

  constructor(
    private readonly firestore: Firestore,
    private readonly tx: FirestoreTransaction,
  ) {
    this.writer = new Writer(firestore, transactionTarget(tx));
  }

  // Firestore refuses this too, but with a plain Error; the port wants DATABASE_REFUSED.
  private assertReadable(): void {
    if (this.writer.size > 0) {
      throw databaseError(
        "DATABASE_REFUSED",
        "Firestore transactions require all reads to be executed before all writes.",
      );
    }
  }

  async get<T extends StoredRecord<T>>(collection: Collection<T>, id: string): Promise<Doc<T> | null> {
    this.assertReadable();
    assertDocumentPath(collection.name, id);
    return toDoc<T>(await this.tx.get(this.firestore.collection(collection.name).doc(id)));
  }

  async query<T extends StoredRecord<T>>(typed: Query<T>): Promise<Doc<T>[]> {
    this.assertReadable();
    const query = toPlainQuery(typed);
    const plan = planQuery(query);
    // Firestore reads limit(0) as no limit at all; the port means no documents.
    if (query.limit === 0) return [];
    const snapshot = await this.tx.get(applyPlan(this.firestore.collection(query.collection), plan));
    return snapshot.docs.map((doc) => toDoc<T>(doc)).filter((doc) => doc !== null);
  }

  create<T extends StoredRecord<T>>(collection: Collection<T>, id: string, data: T): void {
    this.writer.create(collection.name, id, asDocument(data));
  }

  set<T extends StoredRecord<T>>(collection: Collection<T>, id: string, data: T): void {
    this.writer.set(collection.name, id, asDocument(data));
  }

  update<T extends StoredRecord<T>>(collection: Collection<T>, id: string, fields: Partial<T>): void {
    this.writer.update(collection.name, id, asDocument(fields));
  }

  delete<T extends StoredRecord<T>>(collection: Collection<T>, id: string): void {
    this.writer.delete(collection.name, id);
  }
}

export class FirestoreDatabase implements Database {
  private readonly maxAttempts: number | undefined;

  constructor(
    private readonly firestore: Firestore,
    options: FirestoreDatabaseOptions = {},
  ) {
    this.maxAttempts = options.maxAttempts;
  }

  async get<T extends StoredRecord<T>>(collection: Collection<T>, id: string): Promise<Doc<T> | null> {
    assertDocumentPath(collection.name, id);
    return translated(async () => toDoc<T>(await this.firestore.collection(collection.name).doc(id).get()));
  }

  async query<T extends StoredRecord<T>>(typed: Query<T>): Promise<Doc<T>[]> {
    const query = toPlainQuery(typed);
    const plan = planQuery(query);
    // Firestore reads limit(0) as no limit at all; the port means no documents.
    if (query.limit === 0) return [];
    return translated(async () => {
      const snapshot = await applyPlan(this.firestore.collection(query.collection), plan).get();
      return snapshot.docs.map((doc) => toDoc<T>(doc)).filter((doc) => doc !== null);
    });
  }

  runTransaction<R>(fn: (tx: Transaction) => Promise<R>): Promise<R> {
    return translated(() =>
      this.firestore.runTransaction((tx) => fn(new FirestoreTransactionAdapter(this.firestore, tx)), {
        maxAttempts: this.maxAttempts,
      }),
    );
  }

  batch(): WriteBatch {
    const batch = this.firestore.batch();
    const writer = new Writer(this.firestore, batchTarget(batch));
    return {
      create: (collection, id, data) => writer.create(collection.name, id, asDocument(data)),
      set: (collection, id, data) => writer.set(collection.name, id, asDocument(data)),
      update: (collection, id, fields) => writer.update(collection.name, id, asDocument(fields)),
      delete: (collection, id) => writer.delete(collection.name, id),
      commit: async () => {
        writer.close();
        await translated(() => batch.commit());
      },
    };
  }

  async close(): Promise<void> {
    await this.firestore.terminate();
  }
}

/** The adapter on the Firestore database of a Firebase project (credentials from the runtime). */
export function createFirestoreDatabase(projectId: string, options?: FirestoreDatabaseOptions): FirestoreDatabase {
  return new FirestoreDatabase(getFirestore(firebaseAdminApp(projectId)), options);
}
