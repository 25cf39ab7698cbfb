/**
 * The contract of the BlobStorage port (lib/storage/blob-storage.ts), run against
 * every adapter. Keys live under a random run prefix, so the suite can share a
 * bucket with earlier runs.
 */
import { randomBytes, randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { BlobStorage } from "../../../lib/storage/blob-storage";

/** An adapter under test, with what the contract needs to judge its signed URLs. */
export interface BlobStorageHarness {
  blobs: BlobStorage;
  /** The lifetime of its signed URLs. */
  urlLifetimeSeconds: number;
  /** What a browser gets for a signed URL (following it to wherever it points). */
  fetchSigned(url: string): Promise<Response>;
  /** Moves the time by which the adapter signs and its URLs are judged. */
  advanceTime(ms: number): void;
  /** The time by which it signs. */
  now(): Date;
}

async function rejection(action: Promise<unknown>): Promise<unknown> {
  return action.then(
    () => {
      throw new Error("Expected the operation to fail, but it succeeded.");
    },
    (error: unknown) => error,
  );
}

export const INVALID_BLOB_KEYS = [
  "../x",
  "a/../../x",
  "/abs",
  "a//b",
  "",
  "a/",
  "./a",
  "a/./b",
  ".hidden",
  "a\\b",
  "a b.png",
  "ключ.png",
];

export function describeBlobStorageContract(adapterName: string, open: () => Promise<BlobStorageHarness>): void {
  const run = `contract-${randomUUID()}`;
  const key = (path: string): string => `${run}/${path}`;

  describe(`BlobStorage contract: ${adapterName}`, () => {
    let blobs: BlobStorage;
    let harness: BlobStorageHarness;

    beforeAll(async () => {
      harness = await open();
      blobs = harness.blobs;
    });

    it("returns exactly the bytes and content type that were put", async () => {
      const png = randomBytes(4096);
      const json = Buffer.from(JSON.stringify({ hello: "세계" }));
      await blobs.put(key("round/one.png"), png, "image/png");
      await blobs.put(key("round/two.json"), json, "application/json");
      expect(await blobs.get(key("round/one.png"))).toEqual({ bytes: png, contentType: "image/png" });
      expect(await blobs.get(key("round/two.json"))).toEqual({ bytes: json, contentType: "application/json" });
    });

    it("stores an empty blob", async () => {
      await blobs.put(key("empty.png"), Buffer.alloc(0), "image/png");
      expect((await blobs.get(key("empty.png")))?.bytes.length).toBe(0);
    });

    it("overwrites a key with the new bytes, keeping one entry", async () => {
      await blobs.put(key("over/write.png"), Buffer.from("first version"), "image/png");
      await blobs.put(key("over/write.png"), Buffer.from("second"), "image/png");
      expect((await blobs.get(key("over/write.png")))?.bytes.toString()).toBe("second");
      expect(await blobs.list(key("over/"))).toEqual([key("over/write.png")]);
    });

    it("returns null for a key never written", async () => {
      expect(await blobs.get(key("missing/nothing.png"))).toBeNull();
    });

    it("deletes, and deleting again or deleting a missing key succeeds", async () => {
      await blobs.put(key("gone/soon.png"), Buffer.from("x"), "image/png");
      await blobs.delete(key("gone/soon.png"));
      expect(await blobs.get(key("gone/soon.png"))).toBeNull();
      await expect(blobs.delete(key("gone/soon.png"))).resolves.toBeUndefined();
      await expect(blobs.delete(key("never/was.png"))).resolves.toBeUndefined();
      expect(await blobs.list(key("gone/"))).toEqual([]);
    });

    it("lists every key under a prefix, sorted, and nothing outside it", async () => {
      const inside = ["list/p/z.png", "list/p/a.png", "list/p/m/deep/b.png", "list/p/m/c.json"];
      const outside = ["list/px/a.png", "list/q/a.png", "list/pa.png"];
      for (const path of [...inside, ...outside]) {
        await blobs.put(key(path), Buffer.from(path), path.endsWith(".json") ? "application/json" : "image/png");
      }
      expect(await blobs.list(key("list/p/"))).toEqual(
        ["list/p/a.png", "list/p/m/c.json", "list/p/m/deep/b.png", "list/p/z.png"].map(key),
      );
      expect(await blobs.list(key("list/p/m/"))).toEqual(["list/p/m/c.json", "list/p/m/deep/b.png"].map(key));
    });

    it("removes no stored blob when it removes abandoned writes", async () => {
      await blobs.put(key("kept/a.png"), Buffer.from("kept"), "image/png");
      await blobs.removeAbandonedWrites(new Date(Date.now() + 60_000));
      expect((await blobs.get(key("kept/a.png")))?.bytes.toString()).toBe("kept");
      expect(await blobs.list(key("kept/"))).toEqual([key("kept/a.png")]);
    });

    it("removes the blobs under a prefix written before a moment, and only those (the retention of blob kinds)", async () => {
      await blobs.put(key("aged/p/old.png"), Buffer.from("old"), "image/png");
      await blobs.put(key("aged/elsewhere.png"), Buffer.from("old, outside the prefix"), "image/png");
      harness.advanceTime(120_000);
      const moment = new Date(harness.now().getTime() - 60_000);
      await blobs.put(key("aged/p/new.png"), Buffer.from("new"), "image/png");
      expect(await blobs.removeWrittenBefore(key("aged/p/"), moment)).toBe(1);
      expect(await blobs.list(key("aged/"))).toEqual([key("aged/elsewhere.png"), key("aged/p/new.png")]);
      expect(await blobs.removeWrittenBefore(key("aged/p/"), moment)).toBe(0);
    });

    it("lists nothing under a prefix with no keys", async () => {
      expect(await blobs.list(key("empty-prefix/"))).toEqual([]);
    });

    it.each(INVALID_BLOB_KEYS)("refuses the key %j for put, get, delete and signing", async (bad) => {
      expect(await rejection(blobs.put(bad, Buffer.from("x"), "image/png"))).toBeInstanceOf(Error);
      expect(await rejection(blobs.get(bad))).toBeInstanceOf(Error);
      expect(await rejection(blobs.delete(bad))).toBeInstanceOf(Error);
      expect(await rejection(blobs.signedReadUrl(bad, { type: "inline", fileName: "a.png" }))).toBeInstanceOf(Error);
    });

    it("refuses to list under a prefix that is no key", async () => {
      for (const bad of ["../", "/abs/", "a//"]) expect(await rejection(blobs.list(bad))).toBeInstanceOf(Error);
    });

    it("signs URLs that read exactly the bytes, with the type and disposition asked for", async () => {
      const png = randomBytes(2048);
      await blobs.put(key("signed/read.png"), png, "image/png");
      const inline = await blobs.signedReadUrl(key("signed/read.png"), { type: "inline", fileName: "read.png" });
      const shown = await harness.fetchSigned(inline.url);
      expect(shown.status).toBe(200);
      expect(Buffer.from(await shown.arrayBuffer()).equals(png)).toBe(true);
      expect(shown.headers.get("content-type")).toBe("image/png");
      expect(shown.headers.get("content-disposition")).toBe('inline; filename="read.png"');
      // Kept by the member's browser alone, never by a shared cache.
      expect(shown.headers.get("cache-control")).toMatch(/^private, max-age=\d+/);
      const attachment = await blobs.signedReadUrl(key("signed/read.png"), { type: "attachment", fileName: "x.png" });
      const saved = await harness.fetchSigned(attachment.url);
      expect(saved.headers.get("content-disposition")).toBe('attachment; filename="x.png"');
      expect(Buffer.from(await saved.arrayBuffer()).equals(png)).toBe(true);
    });

    it("gives one URL per window, living between half and all of its lifetime", async () => {
      await blobs.put(key("signed/window.png"), Buffer.from("w"), "image/png");
      const first = await blobs.signedReadUrl(key("signed/window.png"), { type: "inline", fileName: "w.png" });
      const again = await blobs.signedReadUrl(key("signed/window.png"), { type: "inline", fileName: "w.png" });
      expect(again).toEqual(first);
      const remaining = (first.expiresAt.getTime() - harness.now().getTime()) / 1000;
      expect(remaining).toBeGreaterThan(harness.urlLifetimeSeconds / 2 - 1);
      expect(remaining).toBeLessThanOrEqual(harness.urlLifetimeSeconds);
    });

    it("refuses a URL once it has expired", async () => {
      await blobs.put(key("signed/expiring.png"), Buffer.from("bytes past their time"), "image/png");
      const signed = await blobs.signedReadUrl(key("signed/expiring.png"), { type: "inline", fileName: "e.png" });
      expect((await harness.fetchSigned(signed.url)).status).toBe(200);
      harness.advanceTime(signed.expiresAt.getTime() - harness.now().getTime() + 1_000);
      const late = await harness.fetchSigned(signed.url);
      expect([400, 403]).toContain(late.status);
      expect(await late.text()).not.toContain("bytes past their time");
    });

    it("refuses a URL whose key or disposition was changed", async () => {
      await blobs.put(key("signed/a.png"), Buffer.from("a"), "image/png");
      await blobs.put(key("signed/b.png"), Buffer.from("b"), "image/png");
      const signed = await blobs.signedReadUrl(key("signed/a.png"), { type: "inline", fileName: "a.png" });
      expect((await harness.fetchSigned(signed.url)).status).toBe(200);
      for (const tampered of [
        signed.url.replace("signed/a.png", "signed/b.png").replace("signed%2Fa.png", "signed%2Fb.png"),
        signed.url.replace("inline", "attachment"),
      ]) {
        expect(tampered).not.toBe(signed.url);
        expect((await harness.fetchSigned(tampered)).status).toBe(403);
      }
    });

    it("stops a URL working at once when its blob is deleted", async () => {
      await blobs.put(key("signed/deleted.png"), Buffer.from("d"), "image/png");
      const signed = await blobs.signedReadUrl(key("signed/deleted.png"), { type: "inline", fileName: "d.png" });
      expect((await harness.fetchSigned(signed.url)).status).toBe(200);
      await blobs.delete(key("signed/deleted.png"));
      expect((await harness.fetchSigned(signed.url)).status).toBe(404);
    });
  });
}
