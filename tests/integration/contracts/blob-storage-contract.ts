/**
 * The contract of the BlobStorage port (lib/storage/blob-storage.ts), run against
 * every adapter. Keys live under a random run prefix, so the suite can share a
 * bucket with earlier runs.
 */
import { randomBytes, randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { BlobStorage } from "../../../lib/storage/blob-storage";

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

export function describeBlobStorageContract(adapterName: string, open: () => Promise<BlobStorage>): void {
  const run = `contract-${randomUUID()}`;
  const key = (path: string): string => `${run}/${path}`;

  describe(`BlobStorage contract: ${adapterName}`, () => {
    let blobs: BlobStorage;

    beforeAll(async () => {
      blobs = await open();
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

    it("lists nothing under a prefix with no keys", async () => {
      expect(await blobs.list(key("empty-prefix/"))).toEqual([]);
    });

    it.each(INVALID_BLOB_KEYS)("refuses the key %j for put, get and delete", async (bad) => {
      expect(await rejection(blobs.put(bad, Buffer.from("x"), "image/png"))).toBeInstanceOf(Error);
      expect(await rejection(blobs.get(bad))).toBeInstanceOf(Error);
      expect(await rejection(blobs.delete(bad))).toBeInstanceOf(Error);
    });
  });
}
