/**
 * Blob storage on the local disk, the local stand-in for Cloud Storage. Its signed
 * URLs point at the app itself (GET /api/blobs, app-signed-urls.ts), which checks
 * them with openSignedUrl.
 */
import { mkdir, readdir, readFile, rename, rm, stat, utimes, writeFile } from "node:fs/promises";
import { dirname, join, relative, sep } from "node:path";
import { randomUUID } from "node:crypto";
import { checkAppBlobUrl, signAppBlobUrl, type AppUrlSigning } from "./app-signed-urls";
import {
  assertBlobKey,
  type BlobStorage,
  type ContentDisposition,
  type SignedReadUrl,
  type StoredBlob,
} from "./blob-storage";

/** Temporary files of writes in progress, or of writes a crash cut short. */
const PARTIAL = ".partial";

const CONTENT_TYPES: Record<string, string> = {
  png: "image/png",
  webp: "image/webp",
  json: "application/json",
  zip: "application/zip",
};

/** What a signed URL of this store reads, or why it reads nothing. */
export type SignedBlobRead =
  | { found: true; blob: StoredBlob; disposition: ContentDisposition; expiresAt: Date }
  | { found: false; reason: "tampered" | "expired" | "missing" };

export class LocalDiskStorage implements BlobStorage {
  constructor(
    private readonly root: string,
    private readonly signing: AppUrlSigning,
  ) {}

  private pathOf(key: string): string {
    assertBlobKey(key);
    return join(this.root, ...key.split("/"));
  }

  async put(key: string, bytes: Buffer, contentType: string): Promise<void> {
    const path = this.pathOf(key);
    const extension = key.split(".").pop() ?? "";
    if (CONTENT_TYPES[extension] !== contentType) {
      throw new Error(`Key "${key}" does not match content type ${contentType}`);
    }
    await mkdir(dirname(path), { recursive: true });
    // Write then rename, so a reader never sees half a file. Each write has a temporary
    // name of its own, so concurrent writes of one key never share one.
    const temporary = `${path}.${randomUUID()}${PARTIAL}`;
    try {
      await writeFile(temporary, bytes);
      // Dated by the service's clock, as the retention sweep compares it with that clock.
      const writtenAt = this.signing.clock.now();
      await utimes(temporary, writtenAt, writtenAt);
      await rename(temporary, path);
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
  }

  async get(key: string): Promise<StoredBlob | null> {
    try {
      const bytes = await readFile(this.pathOf(key));
      return { bytes, contentType: CONTENT_TYPES[key.split(".").pop() ?? ""] ?? "application/octet-stream" };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }

  async list(prefix: string): Promise<string[]> {
    const start = prefix === "" ? this.root : this.pathOf(prefix.replace(/\/$/, ""));
    const keys: string[] = [];
    for await (const file of this.files(start)) {
      if (!file.endsWith(PARTIAL)) keys.push(relative(this.root, file).split(sep).join("/"));
    }
    return keys.sort();
  }

  /** A write's temporary file is touched as it is written, so its age says when the write stopped. */
  async removeAbandonedWrites(startedBefore: Date): Promise<number> {
    let removed = 0;
    for await (const file of this.files(this.root)) {
      if (!file.endsWith(PARTIAL)) continue;
      try {
        if ((await stat(file)).mtimeMs >= startedBefore.getTime()) continue;
      } catch (error) {
        // Renamed or removed meanwhile: the write completed, or another sweep got there first.
        if ((error as NodeJS.ErrnoException).code === "ENOENT") continue;
        throw error;
      }
      await rm(file, { force: true });
      removed++;
    }
    return removed;
  }

  /** A blob's file is renamed into place whole, dated when it was written (put). */
  async removeWrittenBefore(prefix: string, before: Date): Promise<number> {
    let removed = 0;
    for (const key of await this.list(prefix)) {
      try {
        if ((await stat(this.pathOf(key))).mtimeMs >= before.getTime()) continue;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "ENOENT") continue;
        throw error;
      }
      await rm(this.pathOf(key), { force: true });
      removed++;
    }
    return removed;
  }

  async signedReadUrl(key: string, disposition: ContentDisposition): Promise<SignedReadUrl> {
    return signAppBlobUrl(this.signing, key, disposition);
  }

  /** The blob a signed URL's query names, once its signature and expiry are checked. */
  async openSignedUrl(query: URLSearchParams): Promise<SignedBlobRead> {
    const check = checkAppBlobUrl(this.signing, query);
    if (!check.valid) return { found: false, reason: check.reason };
    const blob = await this.get(check.key);
    if (!blob) return { found: false, reason: "missing" };
    return { found: true, blob, disposition: check.disposition, expiresAt: check.expiresAt };
  }

  /** Every file under a folder, depth first; a missing folder has none. */
  private async *files(dir: string): AsyncGenerator<string> {
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return;
      throw error;
    }
    for (const entry of entries) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) yield* this.files(full);
      else yield full;
    }
  }
}
