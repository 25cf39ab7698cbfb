/**
 * SendGrid's signed Event Webhook (POST /api/webhooks/sendgrid). SendGrid signs the
 * `X-Twilio-Email-Event-Webhook-Timestamp` header followed by the raw body with ECDSA
 * P-256 over SHA-256, and sends the DER signature base64 in
 * `X-Twilio-Email-Event-Webhook-Signature`; the verification key is the base64 DER key
 * SendGrid shows. A body is a JSON array of events. Only `bounce` (a hard one),
 * `dropped` and `spamreport` change anything: they stop mail to the address until it
 * is confirmed again (mail-suppression.ts). The rest (processed, delivered, open, a
 * `blocked` bounce, which is temporary) are acknowledged and not stored.
 */
import { createHash, createPublicKey, verify } from "node:crypto";
import { z } from "zod";
import { AppError } from "../errors/app-error";
import { logger } from "../observability/logger";
import type { Services } from "../services";
import {
  MAIL_PROVIDER_EVENT_DAYS,
  MAIL_PROVIDER_EVENTS,
  MAIL_SUPPRESSION_DAYS,
  MAIL_SUPPRESSIONS,
  mailSuppressionId,
  type SuppressionReason,
} from "./mail-suppression";

export const SIGNATURE_HEADER = "x-twilio-email-event-webhook-signature";
export const TIMESTAMP_HEADER = "x-twilio-email-event-webhook-timestamp";
/** SendGrid documents none; five minutes, as Stripe and Standard Webhooks use, bounds a replay. */
export const TIMESTAMP_TOLERANCE_SECONDS = 300;

const DAY_MS = 24 * 60 * 60_000;

const suppressingEvent = z.object({
  event: z.enum(["bounce", "dropped", "spamreport"]),
  email: z.string().min(3).max(320),
  sg_event_id: z.string().min(1).max(200),
  /** On a bounce: `bounce` (permanent) or `blocked` (the receiving server refused it for now). */
  type: z.string().optional(),
});

type SuppressingEvent = z.infer<typeof suppressingEvent>;

export interface ReceiveSendGridEventsOptions {
  services: Services;
  rawBody: Buffer;
  signature: string | null;
  timestamp: string | null;
}

function refused(diagnostic: string): AppError {
  return new AppError("UNAUTHENTICATED", "webhook.signatureInvalid", { diagnostic });
}

function assertSigned(options: ReceiveSendGridEventsOptions, publicKey: string): void {
  const { signature, timestamp, rawBody, services } = options;
  if (!signature || !timestamp || !/^\d{1,12}$/.test(timestamp)) throw refused("SendGrid event without its signature");
  const key = createPublicKey({ key: Buffer.from(publicKey, "base64"), format: "der", type: "spki" });
  const signed = Buffer.concat([Buffer.from(timestamp, "utf8"), rawBody]);
  if (!verify("sha256", signed, { key, dsaEncoding: "der" }, Buffer.from(signature, "base64")))
    throw refused("SendGrid event signature does not match");
  const age = services.clock.now().getTime() / 1000 - Number(timestamp);
  if (Math.abs(age) > TIMESTAMP_TOLERANCE_SECONDS) throw refused(`SendGrid event signed ${Math.round(age)} s ago`);
}

function suppressions(body: unknown): SuppressingEvent[] {
  if (!Array.isArray(body)) throw new AppError("VALIDATION_FAILED", "validation.invalid");
  return body
    .map((event) => suppressingEvent.safeParse(event))
    .filter((parsed) => parsed.success)
    .map((parsed) => parsed.data)
    .filter((event) => !(event.event === "bounce" && event.type === "blocked"));
}

/** The event's document id: SendGrid's ids are base64, whose `/` no document id may hold. */
function eventId(sgEventId: string): string {
  return `sendgrid-${createHash("sha256").update(sgEventId).digest("hex").slice(0, 40)}`;
}

/**
 * Verifies the request, then records each suppressing event once. The account that
 * owns the address is marked unconfirmed before the suppression is written (the
 * order mail-suppression.ts relies on); if that fails, nothing is recorded and the
 * error answer makes SendGrid deliver the batch again.
 */
export async function receiveSendGridEvents(options: ReceiveSendGridEventsOptions): Promise<{ suppressed: number }> {
  const { services } = options;
  const publicKey = services.config.SENDGRID_WEBHOOK_PUBLIC_KEY;
  if (!publicKey) throw new AppError("FEATURE_DISABLED", "webhook.notConfigured");
  assertSigned(options, publicKey);
  let body: unknown;
  try {
    body = JSON.parse(options.rawBody.toString("utf8"));
  } catch {
    throw new AppError("MALFORMED_JSON", "request.bodyNotJson");
  }
  const seen = await Promise.all(
    suppressions(body).map(async (event) => ({
      event,
      seen: (await services.db.get(MAIL_PROVIDER_EVENTS, eventId(event.sg_event_id))) !== null,
    })),
  );
  const fresh = seen.filter((s) => !s.seen).map((s) => s.event);
  for (const address of new Set(fresh.map((event) => event.email.toLowerCase()))) {
    const user = await services.auth.findUserByEmail(address);
    if (user?.emailVerified) await services.auth.unconfirmEmail(user.uid);
  }
  const suppressed = await services.db.runTransaction(async (tx) => {
    const now = services.clock.now();
    // A batch may carry an event twice, as a redelivery may: each id is taken once.
    const unseen = new Map<string, SuppressingEvent>();
    for (const event of fresh) {
      const id = eventId(event.sg_event_id);
      if (!unseen.has(id) && !(await tx.get(MAIL_PROVIDER_EVENTS, id))) unseen.set(id, event);
    }
    for (const [id, event] of unseen) {
      tx.set(MAIL_PROVIDER_EVENTS, id, {
        receivedAt: now.toISOString(),
        expiresAt: new Date(now.getTime() + MAIL_PROVIDER_EVENT_DAYS * DAY_MS).toISOString(),
      });
      tx.set(MAIL_SUPPRESSIONS, mailSuppressionId(event.email), {
        reason: event.event satisfies SuppressionReason,
        suppressedAt: now.toISOString(),
        expiresAt: new Date(now.getTime() + MAIL_SUPPRESSION_DAYS * DAY_MS).toISOString(),
      });
    }
    return unseen.size;
  });
  if (suppressed > 0) logger.info("mail.suppressed", { provider: "sendgrid", events: suppressed });
  return { suppressed };
}
