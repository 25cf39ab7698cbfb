/**
 * Replicate signs each webhook as Standard Webhooks describe: HMAC-SHA256, keyed with
 * the base64 part of the `whsec_` secret, over `webhook-id.webhook-timestamp.body`,
 * sent base64 in `webhook-signature` as space-separated `v1,<signature>` entries (more
 * than one while a secret is being rotated).
 */
import { createHmac, timingSafeEqual } from "node:crypto";
import { AppError } from "../errors/app-error";

/** A signed delivery older (or newer) than this is refused: a captured request cannot be replayed later. */
export const WEBHOOK_TOLERANCE_SECONDS = 5 * 60;

function signingKey(secret: string): Buffer {
  return Buffer.from(secret.slice(secret.indexOf("_") + 1), "base64");
}

function rejected(diagnostic: string): AppError {
  return new AppError("WEBHOOK_REJECTED", "request.webhookRejected", { diagnostic });
}

/** Gives the delivery id once the signature and timestamp hold; throws WEBHOOK_REJECTED otherwise. */
export function verifyReplicateWebhook(options: {
  secret: string;
  headers: Headers;
  rawBody: Buffer;
  now: Date;
}): string {
  const id = options.headers.get("webhook-id");
  const timestamp = options.headers.get("webhook-timestamp");
  const signatures = options.headers.get("webhook-signature");
  if (!id || !timestamp || !signatures) throw rejected("A webhook without its webhook-* headers.");
  if (!/^\d{1,12}$/.test(timestamp)) throw rejected("A webhook-timestamp that is not seconds since the epoch.");
  const age = Math.abs(options.now.getTime() / 1000 - Number(timestamp));
  if (age > WEBHOOK_TOLERANCE_SECONDS) throw rejected(`A webhook signed ${Math.round(age)} s away from now.`);
  const expected = Buffer.from(
    createHmac("sha256", signingKey(options.secret))
      .update(`${id}.${timestamp}.`)
      .update(options.rawBody)
      .digest("base64"),
  );
  const matches = signatures.split(" ").some((entry) => {
    const [version, signature] = entry.split(",", 2);
    if (version !== "v1" || !signature) return false;
    const given = Buffer.from(signature);
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
  if (!matches) throw rejected("A webhook whose signature does not match.");
  return id;
}
