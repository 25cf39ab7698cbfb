import { describe, expect, it } from "vitest";
import { MAX_DOCUMENT_BYTES, type DocumentData } from "../../lib/db/database";
import { assertDocumentPath, assertFieldPath, assertWritable, documentSize } from "../../lib/db/document-rules";
import { type AppError } from "../../lib/errors/app-error";
import { expectAppError } from "../support/app-error-thrown";

function refusal(action: () => unknown): AppError {
  return expectAppError(action, "DATABASE_REFUSED");
}

describe("documentSize", () => {
  // Name: "c" (1+1) + "d" (1+1) + 16; document overhead 32.
  const empty = 2 + 2 + 16 + 32;

  it("counts the name and overhead of an empty document", () => {
    expect(documentSize("c", "d", {})).toBe(empty);
  });

  it("counts each field as its name plus its value, as Firestore does", () => {
    expect(documentSize("c", "d", { a: "xy" })).toBe(empty + 2 + 3);
    expect(documentSize("c", "d", { n: 1.5 })).toBe(empty + 2 + 8);
    expect(documentSize("c", "d", { b: true, z: null })).toBe(empty + (2 + 1) + (2 + 1));
    expect(documentSize("c", "d", { l: ["a", 1] })).toBe(empty + 2 + (2 + 8));
    expect(documentSize("c", "d", { m: { k: "v" } })).toBe(empty + 2 + (2 + 2));
  });

  it("counts strings in UTF-8 bytes, not characters", () => {
    expect(documentSize("c", "d", { s: "한" })).toBe(empty + 2 + 4);
    expect(documentSize("c", "문서", {})).toBe(empty - 2 + 7);
  });
});

describe("assertWritable", () => {
  const filler = (bytes: number): DocumentData => ({ s: "x".repeat(bytes) });
  // documentSize("c", "d", { s: "x" * n }) is 52 + 2 + (n + 1).
  const largest = MAX_DOCUMENT_BYTES - 55;

  it("accepts a document of exactly 1 MiB", () => {
    expect(documentSize("c", "d", filler(largest))).toBe(MAX_DOCUMENT_BYTES);
    expect(() => assertWritable("c", "d", filler(largest))).not.toThrow();
  });

  it("refuses a document one byte over 1 MiB, with its size in the message", () => {
    const error = refusal(() => assertWritable("c", "d", filler(largest + 1)));
    expect(error.message).toContain(`${MAX_DOCUMENT_BYTES + 1} bytes`);
  });

  it("refuses undefined values, at the top level and nested", () => {
    expect(refusal(() => assertWritable("c", "d", { a: undefined } as unknown as DocumentData)).message).toContain(
      '"a"',
    );
    expect(
      refusal(() => assertWritable("c", "d", { m: { inner: undefined } } as unknown as DocumentData)).message,
    ).toContain('"inner"');
  });

  it.each([Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY])("refuses the number %s", (value) => {
    refusal(() => assertWritable("c", "d", { n: value }));
  });

  it.each(["", "a/b", "1abc", "with-dash", "with space", "dotted.name"])(
    "refuses the collection name %j",
    (collection) => {
      expect(refusal(() => assertWritable(collection, "d", {})).message).toContain("collection");
    },
  );

  it.each(["", ".", "..", "__reserved__", "a/b", "x".repeat(1501), "é".repeat(751)])(
    "refuses the document id %j",
    (id) => {
      expect(refusal(() => assertWritable("c", id, {})).message).toContain("document id");
    },
  );

  it.each(["abc", "a.b", "__x", "x__", "한글", "x".repeat(1500), "ab-CD_12:34"])("accepts the document id %j", (id) => {
    expect(() => assertDocumentPath("c", id)).not.toThrow();
  });
});

describe("assertFieldPath", () => {
  it("splits a dotted path into its segments", () => {
    expect(assertFieldPath("meta.size")).toEqual(["meta", "size"]);
    expect(assertFieldPath("_private")).toEqual(["_private"]);
  });

  it.each(["", "a..b", ".a", "a.", "1st", "with-dash", "a b"])("refuses %j", (field) => {
    refusal(() => assertFieldPath(field));
  });
});
