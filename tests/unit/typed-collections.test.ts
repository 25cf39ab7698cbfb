/**
 * The database port takes typed collection handles. The lines marked
 * @ts-expect-error must fail to compile: if one ever compiles, `npm run typecheck`
 * (part of `npm test`) fails, so a typo in a collection, a field or a value type can
 * never reach the database again.
 */
import { describe, expect, it } from "vitest";
import { defineCollection, type FieldDescriptions } from "../../lib/db/collection";
import type { Transaction } from "../../lib/db/database";
import { GENERATIONS, type GenerationJob } from "../../lib/generation/generation-job";
import { IMAGES } from "../../lib/images/image-record";

// Never called: it exists to be type-checked.
export function misuses(tx: Transaction): void {
  // @ts-expect-error a field the record does not have
  tx.update(GENERATIONS, "g", { stauts: "failed" });
  // @ts-expect-error a value outside the field's type
  tx.update(GENERATIONS, "g", { status: "exploded" });
  // @ts-expect-error a collection by bare name
  tx.update("generatoins", "g", { status: "failed" });
  // @ts-expect-error a record of another collection
  tx.set(IMAGES, "i", {} as GenerationJob);
  // @ts-expect-error a filter on a field the record does not have
  void tx.query({ collection: IMAGES, where: [{ field: "owner", op: "==", value: "u" }] });
  // @ts-expect-error a filter value of the wrong type
  void tx.query({ collection: IMAGES, where: [{ field: "bytes", op: "==", value: "many" }] });
}

describe("collection handles", () => {
  it("must describe exactly the fields of their record", () => {
    type Note = { text: string; createdAt: string };
    // @ts-expect-error a field of the record without a description
    const missing: FieldDescriptions<Note> = { text: "The note" };
    // @ts-expect-error a described field the record does not have
    const extra: FieldDescriptions<Note> = { text: "The note", createdAt: "When", author: "Who" };
    const notes = defineCollection<Note>("notes", { text: "The note", createdAt: "When" });
    expect(Object.keys(notes.fields)).toEqual(["text", "createdAt"]);
    expect([missing, extra]).toHaveLength(2);
  });

  it("cannot be changed after they are made", () => {
    expect(Object.isFrozen(GENERATIONS)).toBe(true);
    expect(Object.isFrozen(GENERATIONS.fields)).toBe(true);
  });
});
