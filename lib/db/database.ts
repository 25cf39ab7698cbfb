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
 */

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type DocumentData = { [field: string]: JsonValue };

export type FilterOp = "==" | "!=" | "<" | "<=" | ">" | ">=" | "in" | "array-contains";
export type SortDirection = "asc" | "desc";

export interface Filter {
  field: string;
  op: FilterOp;
  value: JsonValue;
}

export interface Order {
  field: string;
  direction: SortDirection;
}

export interface Query {
  collection: string;
  where?: Filter[];
  orderBy?: Order[];
  limit?: number;
  /**
   * Cursor: the values of the orderBy fields of the last document of the previous
   * page, followed by that document's id (as Firestore's startAfter(snapshot)).
   */
  startAfter?: { values: JsonValue[]; id: string };
}

export interface Doc<T extends DocumentData = DocumentData> {
  id: string;
  data: T;
}

export interface Transaction {
  get<T extends DocumentData>(collection: string, id: string): Promise<Doc<T> | null>;
  query<T extends DocumentData>(query: Query): Promise<Doc<T>[]>;
  /** Fails the transaction with ALREADY_EXISTS if the document exists. */
  create(collection: string, id: string, data: DocumentData): void;
  set(collection: string, id: string, data: DocumentData): void;
  /** Shallow merge of top-level fields; fails with NOT_FOUND if the document is missing. */
  update(collection: string, id: string, fields: DocumentData): void;
  delete(collection: string, id: string): void;
}

export type WriteBatch = Omit<Transaction, "get" | "query"> & { commit(): Promise<void> };

export interface Database {
  get<T extends DocumentData>(collection: string, id: string): Promise<Doc<T> | null>;
  query<T extends DocumentData>(query: Query): Promise<Doc<T>[]>;
  runTransaction<T>(fn: (tx: Transaction) => Promise<T>): Promise<T>;
  batch(): WriteBatch;
  close(): Promise<void>;
}

/** Firestore's limits, enforced by every adapter. */
export const MAX_DOCUMENT_BYTES = 1_048_576;
export const MAX_WRITES_PER_COMMIT = 500;
