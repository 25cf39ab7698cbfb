/**
 * Signed URLs that the app serves itself (GET /api/blobs), for stores without a
 * signing service of their own (the local disk): an HMAC-SHA256 over the key, the
 * disposition and the expiry, with a server secret. Like Cloud Storage's V4 URLs, a
 * URL reads one blob until it expires, and nothing once the blob is gone.
 */
import { createHmac, timingSafeEqual } from "node:crypto";
import type { Clock } from "../clock/clock";
import {
  assertBlobKey,
  contentDispositionHeader,
  signingWindow,
  type ContentDisposition,
  type SignedReadUrl,
} from "./blob-storage";

export const APP_BLOB_PATH = "/api/blobs";

export interface AppUrlSigning {
  /** At least 32 random bytes, the same in every process that serves the app. */
  secret: Buffer;
  lifetimeSeconds: number;
  clock: Clock;
}

export type AppSignedUrlCheck =
  | { valid: true; key: string; disposition: ContentDisposition; expiresAt: Date }
  | { valid: false; reason: "tampered" | "expired" };

function signature(signing: AppUrlSigning, key: string, disposition: ContentDisposition, expires: string): Buffer {
  return createHmac("sha256", signing.secret)
    .update([key, disposition.type, disposition.fileName, expires].join("\n"))
    .digest();
}

export function signAppBlobUrl(signing: AppUrlSigning, key: string, disposition: ContentDisposition): SignedReadUrl {
  assertBlobKey(key);
  contentDispositionHeader(disposition);
  const { expiresAt } = signingWindow(signing.clock.now(), signing.lifetimeSeconds);
  const expires = String(expiresAt.getTime() / 1000);
  const query = new URLSearchParams({
    key,
    disposition: disposition.type,
    filename: disposition.fileName,
    expires,
    signature: signature(signing, key, disposition, expires).toString("base64url"),
  });
  return { url: `${APP_BLOB_PATH}?${query}`, expiresAt };
}

/** Checks a URL's query: the signature first (so nothing unsigned is believed), then the expiry. */
export function checkAppBlobUrl(signing: AppUrlSigning, query: URLSearchParams): AppSignedUrlCheck {
  const key = query.get("key") ?? "";
  const type = query.get("disposition");
  const fileName = query.get("filename") ?? "";
  const expires = query.get("expires") ?? "";
  const given = Buffer.from(query.get("signature") ?? "", "base64url");
  if ((type !== "inline" && type !== "attachment") || !/^\d{1,12}$/.test(expires)) {
    return { valid: false, reason: "tampered" };
  }
  const disposition: ContentDisposition = { type, fileName };
  const expected = signature(signing, key, disposition, expires);
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    return { valid: false, reason: "tampered" };
  const expiresAt = new Date(Number(expires) * 1000);
  if (signing.clock.now() >= expiresAt) return { valid: false, reason: "expired" };
  return { valid: true, key, disposition, expiresAt };
}
