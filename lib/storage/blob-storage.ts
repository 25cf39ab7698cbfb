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
}

const KEY = /^(?:[A-Za-z0-9_-][A-Za-z0-9._-]*\/)*[A-Za-z0-9_-][A-Za-z0-9._-]*$/;

export function assertBlobKey(key: string): void {
  if (!KEY.test(key) || key.split("/").some((part) => part === "." || part === "..")) {
    throw new Error(`Invalid blob key "${key}"`);
  }
}
