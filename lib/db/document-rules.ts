/**
 * Rules Firestore applies to documents and field paths, shared by every adapter so
 * that the local store refuses exactly what production would.
 */
import { databaseError } from "./database-error";
import { MAX_DOCUMENT_BYTES, type DocumentData, type JsonValue } from "./database";

const FIELD_SEGMENT = /^[A-Za-z_][A-Za-z0-9_]*$/;

const DOCUMENT_ID = /^(?!\.\.?$)(?!__.*__$)[^/]{1,1500}$/;

export function assertFieldPath(field: string): string[] {
  const segments = field.split(".");
  if (!segments.every((segment) => FIELD_SEGMENT.test(segment))) {
    throw databaseError("DATABASE_REFUSED", `Unsupported field path "${field}".`);
  }
  return segments;
}

export function assertDocumentPath(collection: string, id: string): void {
  if (!FIELD_SEGMENT.test(collection)) {
    throw databaseError("DATABASE_REFUSED", `Invalid collection name "${collection}".`);
  }
  if (!DOCUMENT_ID.test(id) || Buffer.byteLength(id, "utf8") > 1500) {
    throw databaseError("DATABASE_REFUSED", `Invalid document id "${id}".`);
  }
}

function utf8Size(text: string): number {
  return Buffer.byteLength(text, "utf8") + 1;
}

function valueSize(value: JsonValue): number {
  if (value === null || typeof value === "boolean") return 1;
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw databaseError("DATABASE_REFUSED", "Numbers must be finite.");
    return 8;
  }
  if (typeof value === "string") return utf8Size(value);
  if (Array.isArray(value)) return value.reduce<number>((sum, item) => sum + valueSize(item), 0);
  return mapSize(value);
}

function mapSize(map: { [key: string]: JsonValue }): number {
  let size = 0;
  for (const [key, value] of Object.entries(map)) {
    if (value === undefined) {
      throw databaseError("DATABASE_REFUSED", `Field "${key}" is undefined; Firestore refuses undefined values.`);
    }
    size += utf8Size(key) + valueSize(value);
  }
  return size;
}

/** Storage size as Firestore computes it (name, fields and 32 bytes of overhead). */
export function documentSize(collection: string, id: string, data: DocumentData): number {
  const nameSize = utf8Size(collection) + utf8Size(id) + 16;
  return nameSize + mapSize(data) + 32;
}

export function assertWritable(collection: string, id: string, data: DocumentData): void {
  assertDocumentPath(collection, id);
  const size = documentSize(collection, id, data);
  if (size > MAX_DOCUMENT_BYTES) {
    throw databaseError(
      "DATABASE_REFUSED",
      `Document ${collection}/${id} is ${size} bytes; the limit is ${MAX_DOCUMENT_BYTES}.`,
    );
  }
}
