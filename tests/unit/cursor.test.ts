import { describe, expect, it } from "vitest";
import { decodeCursor, encodeCursor, pageQuery } from "../../lib/pagination/cursor";
import { expectAppError } from "../support/app-error-thrown";

const decodeRefusal = (cursor: string) => expectAppError(() => decodeCursor(cursor));

describe("page cursors", () => {
  it.each([
    ["2026-01-01T00:00:00.000Z", "image-1"],
    ["", "x"],
    ['한글 & "quotes"', "3f2c9a4e-0b1d-4c55-9a7e-1f2e3d4c5b6a-3"],
  ])("round-trip the value %j and id %j", (value, id) => {
    expect(decodeCursor(encodeCursor(value, id))).toEqual({ value, id });
  });

  it("are URL-safe", () => {
    expect(encodeCursor("??>>~~", "ÿÿÿ")).toMatch(/^[A-Za-z0-9_-]+$/);
  });

  it.each([
    ["garbage", "!!!not base64!!!"],
    ["base64 of something that is not JSON", Buffer.from("hello").toString("base64url")],
    ["JSON of the wrong shape", Buffer.from(JSON.stringify({ value: "x", id: "y" })).toString("base64url")],
    ["an empty id", Buffer.from(JSON.stringify({ v: "x", id: "" })).toString("base64url")],
    [
      "an id the store would refuse",
      Buffer.from(JSON.stringify({ v: "x", id: "id/with/slashes" })).toString("base64url"),
    ],
    ["an id Firestore reserves", Buffer.from(JSON.stringify({ v: "x", id: "__name__" })).toString("base64url")],
    ["a number as value", Buffer.from(JSON.stringify({ v: 1, id: "y" })).toString("base64url")],
    ["JSON null", Buffer.from("null").toString("base64url")],
    ["an empty string", ""],
  ])("refuse %s as VALIDATION_FAILED naming the cursor field", (_what, cursor) => {
    const error = decodeRefusal(cursor);
    expect(error.code).toBe("VALIDATION_FAILED");
    expect(error.status).toBe(422);
    expect(error.fields).toEqual({ cursor: "validation.cursor" });
  });
});

describe("pageQuery", () => {
  it("defaults to 24 items and no cursor", () => {
    expect(pageQuery.parse({})).toEqual({ limit: 24 });
  });

  it("coerces the limit from a query string", () => {
    expect(pageQuery.parse({ limit: "50", cursor: "abc" })).toEqual({ limit: 50, cursor: "abc" });
  });

  it.each([1, 100])("accepts a limit of %i", (limit) => {
    expect(pageQuery.parse({ limit }).limit).toBe(limit);
  });

  it.each([0, 101, -1, 2.5, "ten"])("refuses a limit of %j", (limit) => {
    expect(pageQuery.safeParse({ limit }).success).toBe(false);
  });

  it("refuses a cursor longer than 2000 characters", () => {
    expect(pageQuery.safeParse({ cursor: "a".repeat(2000) }).success).toBe(true);
    expect(pageQuery.safeParse({ cursor: "a".repeat(2001) }).success).toBe(false);
  });
});
