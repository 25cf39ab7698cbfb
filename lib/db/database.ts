/**
 * The database port: a Firestore-shaped document store.
 *
 * Documents live in top-level collections and are plain JSON (strings, finite
 * numbers, booleans, null, arrays and maps). Timestamps are ISO-8601 strings in UTC,
 * so they sort correctly as strings.
 *
 * Every adapter honours the same contract, and the local one is as strict as
 * Firestore so that code that passes locally is accepted in production:
 * - a transaction reads everything it needs before its first write, sees a
 *   serializable snapshot, and commits all of its writes or none of them;
 * - a transaction function only does database work: it may be run more than once;
 * - a query that filters or orders on more than one field needs a composite index
 *   declared in firestore.indexes.json;
 * - a document may not exceed 1 MiB (Firestore's size rules).
 *
 * Collections are named by typed handles (collection.ts), so a wrong collection,
 * field or value type does not compile.
 */
import type { Collection, FieldOf, StoredRecord } from "./collection";

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type DocumentData = { [field: string]: JsonValue };

export type FilterOp = "==" | "!=" | "<" | "<=" | ">" | ">=" | "in" | "array-contains";
export type ComparisonOp = Exclude<FilterOp, "in" | "array-contains">;
export type SortDirection = "asc" | "desc";

type ElementOf<V> = V extends readonly (infer E)[] ? E : never;

/** A condition on one field of T; the value has that field's type (an array of them for "in"). */
export type Filter<T extends StoredRecord<T>> = {
  [K in FieldOf<T>]:
    | { field: K; op: ComparisonOp; value: T[K] }
    | { field: K; op: "in"; value: T[K][] }
    | { field: K; op: "array-contains"; value: ElementOf<T[K]> };
}[FieldOf<T>];

export interface Order<T extends StoredRecord<T>> {
  field: FieldOf<T>;
  direction: SortDirection;
}

/**
 * Cursor: the values of the orderBy fields of the last document of the previous
 * page, followed by that document's id (as Firestore's startAfter(snapshot)).
 */
export interface Cursor {
  values: JsonValue[];
  id: string;
}

export interface Query<T extends StoredRecord<T>> {
  collection: Collection<T>;
  where?: Filter<T>[];
  orderBy?: Order<T>[];
  limit?: number;
  startAfter?: Cursor;
}

/** A query as the adapters run it: the collection by name, fields as plain strings. */
export interface PlainQuery {
  collection: string;
  where?: { field: string; op: FilterOp; value: JsonValue }[];
  orderBy?: { field: string; direction: SortDirection }[];
  limit?: number;
  startAfter?: Cursor;
}
export type PlainFilter = NonNullable<PlainQuery["where"]>[number];

export function toPlainQuery<T extends StoredRecord<T>>(query: Query<T>): PlainQuery {
  return { ...query, collection: query.collection.name };
}

export interface Doc<T> {
  id: string;
  data: T;
}

export interface Transaction {
  get<T extends StoredRecord<T>>(collection: Collection<T>, id: string): Promise<Doc<T> | null>;
  query<T extends StoredRecord<T>>(query: Query<T>): Promise<Doc<T>[]>;
  /** Fails the transaction with ALREADY_EXISTS if the document exists. */
  create<T extends StoredRecord<T>>(collection: Collection<T>, id: string, data: NoInfer<T>): void;
  set<T extends StoredRecord<T>>(collection: Collection<T>, id: string, data: NoInfer<T>): void;
  /** Shallow merge of top-level fields; fails with NOT_FOUND if the document is missing. */
  update<T extends StoredRecord<T>>(collection: Collection<T>, id: string, fields: NoInfer<Partial<T>>): void;
  delete<T extends StoredRecord<T>>(collection: Collection<T>, id: string): void;
}

export type WriteBatch = Omit<Transaction, "get" | "query"> & { commit(): Promise<void> };

export interface Database {
  get<T extends StoredRecord<T>>(collection: Collection<T>, id: string): Promise<Doc<T> | null>;
  query<T extends StoredRecord<T>>(query: Query<T>): Promise<Doc<T>[]>;
  runTransaction<R>(fn: (tx: Transaction) => Promise<R>): Promise<R>;
  batch(): WriteBatch;
  close(): Promise<void>;
}

/** Firestore's limits, enforced by every adapter. */
export const MAX_DOCUMENT_BYTES = 1_048_576;
export const MAX_WRITES_PER_COMMIT = 500;
