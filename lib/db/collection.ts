/**
 * Typed collection handles. The database port takes a handle, never a bare name, so
 * the collection, its fields and their value types are checked by the compiler:
 * `tx.update(GENERATIONS, id, { stauts: "done" })` does not compile.
 *
 * A handle is made once per collection, in the data inventory
 * (lib/privacy/data-inventory.ts), with a description of every field of its record
 * type: a field the type has and the inventory does not describe, or the other way
 * round, is a compile error, so what the code stores and what the privacy policy
 * says cannot drift apart.
 */
import type { DocumentData, JsonValue } from "./database";

/**
 * What a stored record may be: named fields holding JSON values. `undefined` is not a
 * JSON value (Firestore refuses it), so an absent value is `null`, never an optional field.
 */
export type StoredRecord<T> = { [K in keyof T]: JsonValue };

/** Every field any variant of T has (a record may be a union of variants). */
type FieldsOfAnyVariant<T> = T extends unknown ? keyof T : never;

/** One description per field of T: exactly its fields, none missing, none extra. */
export type FieldDescriptions<T> = { readonly [K in FieldsOfAnyVariant<T>]: string };

/** A field of T that queries may filter or order on. */
export type FieldOf<T> = keyof T & string;

declare const recordType: unique symbol;

export interface Collection<T extends StoredRecord<T>> {
  readonly name: string;
  readonly fields: FieldDescriptions<T>;
  /** Never set: carries the record type, so handles of different collections do not mix. */
  readonly [recordType]?: T;
}

export function defineCollection<T extends StoredRecord<T>>(name: string, fields: FieldDescriptions<T>): Collection<T> {
  return Object.freeze({ name, fields: Object.freeze({ ...fields }) });
}

/**
 * The adapters store plain documents. A record type with named fields has no index
 * signature, so the compiler cannot see that it is one; StoredRecord<T> guarantees it.
 */
export function asDocument<T extends StoredRecord<T>>(record: T | Partial<T>): DocumentData {
  return record as DocumentData;
}
