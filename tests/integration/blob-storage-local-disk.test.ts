import { randomBytes } from "node:crypto";
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ManualClock } from "../../lib/clock/clock";
import { errorResponse } from "../../lib/http/responses";
import { signedBlobResponse } from "../../lib/http/signed-blob-response";
import { LocalDiskStorage } from "../../lib/storage/local-disk-storage";
import { APP_ORIGIN } from "../support/http";
import { testUrlSigning } from "../support/url-signing";
import { waitFor } from "../support/wait-for";
import { describeBlobStorageContract, INVALID_BLOB_KEYS } from "./contracts/blob-storage-contract";

const directory = mkdtempSync(join(tmpdir(), "blob-storage-local-disk-"));

afterAll(() => {
  rmSync(directory, { recursive: true, force: true });
});

describeBlobStorageContract("LocalDiskStorage", async () => {
  const clock = new ManualClock(new Date());
  const blobs = new LocalDiskStorage(join(directory, "contract"), testUrlSigning(clock));
  return {
    blobs,
    urlLifetimeSeconds: 300,
    now: () => clock.now(),
    advanceTime: (ms) => clock.advance(ms),
    // What GET /api/blobs answers (the route adds only the request checks every route has).
    fetchSigned: async (url) => {
      const parsed = new URL(url, APP_ORIGIN);
      expect(parsed.pathname).toBe("/api/blobs");
      try {
        return await signedBlobResponse({ store: blobs, clock, query: parsed.searchParams });
      } catch (error) {
        return errorResponse(error, "en");
      }
    },
  };
});

function filesUnder(root: string): string[] {
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

describe("LocalDiskStorage", () => {
  it("never lists a half-written file, and removes it once it is older than the bound", async () => {
    const root = join(directory, "partial");
    const blobs = new LocalDiskStorage(root, testUrlSigning());
    // A write that crashed between writing and renaming leaves its temporary file.
    mkdirSync(join(root, "images", "u1"), { recursive: true });
    const crashed = join(root, "images", "u1", "crashed.png.0b5e9a4e-partial-write.partial");
    writeFileSync(crashed, "half an image");
    const hourAgo = new Date(Date.now() - 3_600_000);
    utimesSync(crashed, hourAgo, hourAgo);
    // A write in progress right now: its temporary file is recent.
    const inProgress = join(root, "images", "u1", "writing.png.5d2c1f3a-in-progress.partial");
    writeFileSync(inProgress, "being written");
    await blobs.put("images/u1/done.png", Buffer.from("whole"), "image/png");
    expect(await blobs.list("images/")).toEqual(["images/u1/done.png"]);
    expect(await blobs.list("")).toEqual(["images/u1/done.png"]);

    expect(await blobs.removeAbandonedWrites(new Date(Date.now() - 60_000))).toBe(1);
    expect(filesUnder(root).sort()).toEqual([join(root, "images", "u1", "done.png"), inProgress].sort());
    expect(await blobs.get("images/u1/done.png")).not.toBeNull();
  });

  it("removes what a writer killed mid-write left behind", async () => {
    const root = join(directory, "killed");
    const partials = () => (existsSync(root) ? filesUnder(root).filter((file) => file.endsWith(".partial")) : []);
    // A kill can land between two writes; try until one lands inside a write.
    for (let attempt = 0; attempt < 5 && partials().length === 0; attempt++) {
      const writer = spawn(process.execPath, ["--import", "tsx", "tests/support/write-blobs-forever.ts", root], {
        stdio: "ignore",
      });
      const exited = new Promise((resolve) => writer.once("exit", resolve));
      await waitFor(() => partials().length > 0, { what: "a write in progress", timeoutMs: 30_000 });
      writer.kill("SIGKILL");
      await exited;
    }
    expect(partials().length).toBeGreaterThan(0);
    const blobs = new LocalDiskStorage(root, testUrlSigning());
    const whole = await blobs.list("images/");
    const left = partials().length;
    expect(await blobs.removeAbandonedWrites(new Date(Date.now() + 60_000))).toBe(left);
    expect(partials()).toEqual([]);
    expect(await blobs.list("images/")).toEqual(whole);
  });

  it("shows concurrent readers only whole files while large writes are under way", async () => {
    const blobs = new LocalDiskStorage(join(directory, "concurrent"), testUrlSigning());
    const size = 2 * 1024 * 1024;
    const writes = Array.from({ length: 12 }, (_, i) => ({
      key: `images/u/${String(i).padStart(2, "0")}.png`,
      bytes: randomBytes(size),
    }));
    let done = false;
    const writing = Promise.all(writes.map((w) => blobs.put(w.key, w.bytes, "image/png"))).finally(() => {
      done = true;
    });
    const seen = new Set<string>();
    let listings = 0;
    // Keep reading until every write has finished (a condition, not a timer).
    while (!done || listings === 0) {
      const keys = await blobs.list("images/");
      listings++;
      for (const key of keys) {
        expect(key.endsWith(".partial")).toBe(false);
        const blob = await blobs.get(key);
        expect(blob?.bytes.length).toBe(size);
        seen.add(key);
      }
    }
    await writing;
    expect(await blobs.list("images/")).toEqual(writes.map((w) => w.key));
    for (const w of writes) expect((await blobs.get(w.key))?.bytes.equals(w.bytes)).toBe(true);
    expect(filesUnder(join(directory, "concurrent")).some((f) => f.endsWith(".partial"))).toBe(false);
  });

  it("refuses a content type that does not match the key's extension", async () => {
    const blobs = new LocalDiskStorage(join(directory, "types"), testUrlSigning());
    await expect(blobs.put("a/b.png", Buffer.from("x"), "image/webp")).rejects.toThrow(/does not match/);
    await expect(blobs.put("a/b.exe", Buffer.from("x"), "application/octet-stream")).rejects.toThrow(/does not match/);
    expect(await blobs.list("a/")).toEqual([]);
  });

  it("stores files under its root and nowhere else, whatever the key", async () => {
    const parent = join(directory, "jail");
    const blobs = new LocalDiskStorage(join(parent, "root"), testUrlSigning());
    for (const bad of INVALID_BLOB_KEYS) {
      await blobs.put(bad, Buffer.from("escape"), "image/png").catch(() => undefined);
    }
    await blobs.put("inside/ok.png", Buffer.from("ok"), "image/png");
    expect(existsSync(join(parent, "x"))).toBe(false);
    expect(filesUnder(parent)).toEqual([join(parent, "root", "inside", "ok.png")]);
  });
});
