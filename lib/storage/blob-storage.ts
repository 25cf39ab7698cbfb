/**
 * The blob storage port: private files by key (for example
 * "images/<uid>/<generationId>/<imageId>.png"). Nothing here is ever public; bytes
 * reach a browser only through a route that checks ownership.
 */
export interface StoredBlob {
  bytes: Buffer;
  contentType: string;
}

export interface BlobStorage {
  /** Writes the whole blob or nothing; overwriting the same key is allowed (retries). */
  put(key: string, bytes: Buffer, contentType: string): Promise<void>;
  get(key: string): Promise<StoredBlob | null>;
  /** Deleting a missing key succeeds, so deletion can be retried. */
  delete(key: string): Promise<void>;
  /** Every key under a prefix, for sweeps and audits. */
  list(prefix: string): Promise<string[]>;
  /**
   * Deletes what writes started before `startedBefore` and never completed left
   * behind (a process killed mid-write), and returns how many. Such leftovers are
   * invisible to get and list, yet may hold image bytes, so the retention sweep calls
   * this: nothing a member made may outlive its deletion or retention period. A
   * store whose writes leave nothing behind (Cloud Storage uploads are atomic)
   * returns 0.
   */
  removeAbandonedWrites(startedBefore: Date): Promise<number>;
}

const KEY = /^(?:[A-Za-z0-9_-][A-Za-z0-9._-]*\/)*[A-Za-z0-9_-][A-Za-z0-9._-]*$/;

export function assertBlobKey(key: string): void {
  if (!KEY.test(key) || key.split("/").some((part) => part === "." || part === "..")) {
    throw new Error(`Invalid blob key "${key}"`);
  }
}
