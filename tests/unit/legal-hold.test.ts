import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { legalHoldKey, memberPseudonym, retentionEnd } from "../../lib/privacy/legal-hold";

describe("the legal hold's pseudonyms", () => {
  it("are the same for the same member under one key, and differ under another key", () => {
    const key = "k".repeat(32);
    expect(memberPseudonym(key, "uid-1")).toBe(memberPseudonym(key, "uid-1"));
    expect(memberPseudonym(key, "uid-1")).not.toBe(memberPseudonym(key, "uid-2"));
    expect(memberPseudonym(key, "uid-1")).not.toBe(memberPseudonym("j".repeat(32), "uid-1"));
    expect(memberPseudonym(key, "uid-1")).toMatch(/^[0-9a-f]{64}$/);
  });

  it("take the configured key, fall back to a development key only in local mode", () => {
    expect(legalHoldKey({ APP_MODE: "production", LEGAL_HOLD_KEY: "p".repeat(32) })).toBe("p".repeat(32));
    expect(legalHoldKey({ APP_MODE: "local", LEGAL_HOLD_KEY: undefined })).toMatch(/local-development/);
    expect(() => legalHoldKey({ APP_MODE: "production", LEGAL_HOLD_KEY: undefined })).toThrow(/LEGAL_HOLD_KEY/);
  });
});

describe("a held record's end", () => {
  const from = { ko: "주문일", en: "the order" };
  it("is its kind's period after the record's own date, counted on Korea's calendar (korean-calendar.ts)", () => {
    const korea = (instant: string) => new Date(instant).toISOString();
    expect(retentionEnd({ kind: "years", years: 5, from }, "2026-02-28T10:00:00.000Z")).toBe(
      korea("2031-03-01T00:00:00+09:00"),
    );
    expect(retentionEnd({ kind: "years", years: 1, from }, "2028-02-29T10:00:00.000Z")).toBe(
      korea("2029-03-01T00:00:00+09:00"),
    );
    // 23:00 in UTC is the next morning in Korea: 1 December, kept through 1 March.
    expect(retentionEnd({ kind: "months", months: 3, from }, "2026-11-30T23:00:00.000Z")).toBe(
      korea("2027-03-02T00:00:00+09:00"),
    );
    expect(retentionEnd({ kind: "days", days: 30, from, deletableOnRequest: false }, "2026-01-01T00:00:00.000Z")).toBe(
      korea("2026-02-01T00:00:00+09:00"),
    );
    expect(retentionEnd({ kind: "months", months: 3, from }, "2026-01-31T00:00:00.000Z")).toBe(
      korea("2026-05-01T00:00:00+09:00"),
    );
  });

  it("does not exist for a kind kept until withdrawal: such a kind is never held", () => {
    expect(() => retentionEnd({ kind: "until-withdrawal" }, "2026-01-01T00:00:00.000Z")).toThrow();
  });
});

describe("the legal hold's use", () => {
  /** Every source file of the product (tests aside), as paths from the repository root. */
  function productSources(): string[] {
    const roots = ["app", "components", "functions", "lib", "scripts", "worker"];
    return roots.flatMap((root) =>
      readdirSync(root, { recursive: true, encoding: "utf8" })
        .filter((file) => /\.(ts|tsx)$/.test(file) && !file.includes("node_modules"))
        .map((file) => join(root, file)),
    );
  }

  it("is named by no module but its declaration, the inventory and legal-hold.ts: held records serve nothing else", () => {
    const naming = productSources().filter((file) =>
      /\bLEGAL_HOLD\b|legal-hold-record|"legalHold"/.test(readFileSync(file, "utf8")),
    );
    // legal-hold.ts moves records in and tells a repeated deletion that its request is there;
    // the sweeper reaches the hold only through the inventory, to destroy each record when its period ends.
    expect(naming.sort()).toEqual([
      "lib/privacy/data-inventory.ts",
      "lib/privacy/legal-hold-record.ts",
      "lib/privacy/legal-hold.ts",
    ]);
  });
});
