import { AppError } from "../errors/app-error";
import type { Clock } from "../clock/clock";
import { contentDispositionHeader } from "../storage/blob-storage";
import type { LocalDiskStorage } from "../storage/local-disk-storage";

export interface SignedBlobResponseOptions {
  /** Null when blobs live elsewhere (Cloud Storage serves its own URLs). */
  store: LocalDiskStorage | null;
  clock: Clock;
  query: URLSearchParams;
}

/**
 * The bytes behind one of the app's own signed URLs (local-disk storage). They may be
 * cached privately for the rest of the URL's life: the URL never names other bytes
 * (keys are written once per attempt), and a deleted blob answers 404 at once.
 */
export async function signedBlobResponse(options: SignedBlobResponseOptions): Promise<Response> {
  if (!options.store) throw new AppError("NOT_FOUND", "request.notFound");
  const read = await options.store.openSignedUrl(options.query);
  if (!read.found) {
    if (read.reason === "missing") throw new AppError("NOT_FOUND", "image.fileGone");
    throw new AppError("FORBIDDEN", read.reason === "expired" ? "image.linkExpired" : "image.linkInvalid");
  }
  const remainingSeconds = Math.floor((read.expiresAt.getTime() - options.clock.now().getTime()) / 1000);
  return new Response(new Uint8Array(read.blob.bytes), {
    headers: {
      "content-type": read.blob.contentType,
      "content-length": String(read.blob.bytes.length),
      "cache-control": `private, max-age=${remainingSeconds}, immutable`,
      "content-disposition": contentDispositionHeader(read.disposition),
      "x-content-type-options": "nosniff",
    },
  });
}
