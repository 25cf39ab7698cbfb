import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { hashRequest, idempotencyDocId, idempotencyKeySchema } from "../../lib/idempotency/idempotency-key";

describe("hashRequest", () => {
  const request = { prompt: "red fox", model: "local-sketch", size: "512x512", count: 2 };

  it("is a SHA-256 hex digest", () => {
    expect(hashRequest(request)).toMatch(/^[0-9a-f]{64}$/);
  });

  it("does not depend on key order, at any depth", () => {
    expect(hashRequest({ count: 2, size: "512x512", model: "local-sketch", prompt: "red fox" })).toBe(
      hashRequest(request),
    );
    expect(hashRequest({ outer: { b: 1, a: [{ y: 2, x: 1 }] } })).toBe(
      hashRequest({ outer: { a: [{ x: 1, y: 2 }], b: 1 } }),
    );
  });

  it("treats an undefined field as absent", () => {
    expect(hashRequest({ ...request, note: undefined })).toBe(hashRequest(request));
  });

  it("differs when the content differs", () => {
    const base = hashRequest(request);
    expect(hashRequest({ ...request, count: 3 })).not.toBe(base);
    expect(hashRequest({ ...request, prompt: "red fox " })).not.toBe(base);
    expect(hashRequest({ ...request, extra: null })).not.toBe(base);
    // The same characters in a different structure are different requests.
    expect(hashRequest({ a: "1" })).not.toBe(hashRequest({ a: 1 }));
    expect(hashRequest(["a", "b"])).not.toBe(hashRequest(["b", "a"]));
    expect(hashRequest({ a: ["b"] })).not.toBe(hashRequest({ a: "b" }));
  });
});

describe("idempotencyKeySchema", () => {
  it("accepts a UUID", () => {
    const key = randomUUID();
    expect(idempotencyKeySchema.parse(key)).toBe(key);
  });

  it.each(["abcdefgh", "x".repeat(128), "order:2026-01-01_retry.1"])("accepts %j", (key) => {
    expect(idempotencyKeySchema.safeParse(key).success).toBe(true);
  });

  it("trims surrounding whitespace", () => {
    expect(idempotencyKeySchema.parse("  abcdefgh  ")).toBe("abcdefgh");
  });

  it.each([
    ["too short", "abcdefg", "validation.idempotencyKeyLength"],
    ["empty", "", "validation.idempotencyKeyLength"],
    ["too long", "x".repeat(129), "validation.idempotencyKeyLength"],
    ["a slash", "abcd/efgh", "validation.idempotencyKeyCharacters"],
    ["a space inside", "abcd efgh", "validation.idempotencyKeyCharacters"],
    ["non-ASCII", "키키키키키키키키", "validation.idempotencyKeyCharacters"],
    ["a newline", "abcdefgh\nX", "validation.idempotencyKeyCharacters"],
  ])("refuses a key with %s", (_what, key, message) => {
    const result = idempotencyKeySchema.safeParse(key);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.message)).toContain(message);
  });
});

describe("idempotencyDocId", () => {
  it("scopes a key to its member and operation", () => {
    const key = randomUUID();
    const id = idempotencyDocId("u1", "generation", key);
    expect(id).toMatch(/^[0-9a-f]{40}$/);
    expect(idempotencyDocId("u1", "generation", key)).toBe(id);
    expect(idempotencyDocId("u2", "generation", key)).not.toBe(id);
    expect(idempotencyDocId("u1", "order", key)).not.toBe(id);
  });
});
