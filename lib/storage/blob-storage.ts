/**
 * The blob storage port: private files by key (for example
 * "images/<uid>/<generationId>/<imageId>.png"). Nothing here is ever public; bytes
 * reach a browser only through a short-lived signed URL, handed out by a route that
 * checks ownership first.
 */
export interface StoredBlob {
  bytes: Buffer;
  contentType: string;
}

/** How the browser is told to treat the bytes a signed URL reads: show them, or save them as a file. */
export interface ContentDisposition {
  type: "inline" | "attachment";
  /** Letters, digits, `.`, `_` and `-` only, so the header needs no escaping. */
  fileName: string;
}

export interface SignedReadUrl {
  /** Absolute, or relative to the app's origin when the app serves the bytes itself. */
  url: string;
  expiresAt: Date;
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
  /**
   * Deletes every blob under a prefix written before `before`, and returns how many: the
   * retention sweep's rule for blob storage kinds, whose files count from when they were
   * written. A blob rewritten since (a retried write) counts from the rewrite.
   */
  removeWrittenBefore(prefix: string, before: Date): Promise<number>;
  /**
   * A URL that reads the blob, for whoever holds it, until `expiresAt`, and that
   * stops working the moment the blob is deleted. It is not checked against any
   * session: hand it only to the blob's owner. Whether the blob exists is not
   * checked either (the URL of a missing blob answers 404). Calls within one window
   * (see signingWindow) give the very same URL, so a browser's cache can keep the
   * bytes for the rest of the URL's life.
   */
  signedReadUrl(key: string, disposition: ContentDisposition): Promise<SignedReadUrl>;
}

const KEY = /^(?:[A-Za-z0-9_-][A-Za-z0-9._-]*\/)*[A-Za-z0-9_-][A-Za-z0-9._-]*$/;

export function assertBlobKey(key: string): void {
  if (!KEY.test(key) || key.split("/").some((part) => part === "." || part === "..")) {
    throw new Error(`Invalid blob key "${key}"`);
  }
}

/** A prefix for list: empty (everything) or a valid key followed by "/". */
export function assertBlobPrefix(prefix: string): void {
  if (prefix !== "") assertBlobKey(prefix.replace(/\/$/, ""));
}

const FILE_NAME = /^[A-Za-z0-9_-][A-Za-z0-9._-]*$/;

/** The Content-Disposition header value for a disposition. */
export function contentDispositionHeader(disposition: ContentDisposition): string {
  if (!FILE_NAME.test(disposition.fileName)) throw new Error(`Invalid file name "${disposition.fileName}"`);
  return `${disposition.type}; filename="${disposition.fileName}"`;
}

/**
 * When a URL signed now is dated and when it expires. Signing times are rounded down
 * to a step of half the lifetime, so every request in one step gets the same URL (and
 * the browser's cached copy), while each URL still lives between half and all of
 * `lifetimeSeconds` from the moment it is handed out.
 */
export function signingWindow(now: Date, lifetimeSeconds: number): { signedAt: Date; expiresAt: Date } {
  const step = Math.ceil(lifetimeSeconds / 2);
  const signedAtSeconds = Math.floor(now.getTime() / 1000 / step) * step;
  return {
    signedAt: new Date(signedAtSeconds * 1000),
    expiresAt: new Date((signedAtSeconds + lifetimeSeconds) * 1000),
  };
}
