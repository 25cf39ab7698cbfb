import { GENERATIONS, isFinished } from "../generation/generation-job";
import { ABUSE_RECORDS } from "../abuse/abuse-record";
import { RATE_LIMITS } from "../abuse/rate-limit";
import { IDEMPOTENCY_KEYS } from "../idempotency/idempotency-key";
import type { Collection } from "../db/collection";
import { logger } from "../observability/logger";
import type { Services } from "../services";
import { deleteImageFiles } from "../images/delete-image-files";
import { IMAGES } from "../images/image-record";
import { WEBHOOK_DELIVERIES } from "../webhooks/webhook-delivery";
import { MAIL_PROVIDER_EVENTS, MAIL_SUPPRESSIONS } from "../mail/mail-suppression";
import { WELCOME_GRANTS } from "../points/welcome-points";
import { purgeExpiredLegalHolds, type PurgeLegalHoldsOutcome } from "./purge-legal-holds";

/**
 * A write unfinished for this long is abandoned (its process died): a whole image is
 * written in well under a second, so an hour never cuts a live write short.
 */
export const ABANDONED_WRITE_AGE_MS = 60 * 60_000;

/** Deletes, page by page, the documents of a collection whose `expiresAt` has passed. */
async function deleteExpired(
  services: Services,
  collection: Collection<{ expiresAt: string }>,
  now: string,
  limit: number,
): Promise<number> {
  let deleted = 0;
  for (;;) {
    const expired = await services.db.query({
      collection,
      where: [{ field: "expiresAt", op: "<=", value: now }],
      limit,
    });
    if (expired.length > 0) {
      const batch = services.db.batch();
      for (const { id } of expired) batch.delete(collection, id);
      await batch.commit();
    }
    deleted += expired.length;
    if (expired.length < limit) return deleted;
  }
}

export interface PurgeExpiredDataOptions {
  services: Services;
  pageSize?: number;
}

export interface PurgeOutcome extends PurgeLegalHoldsOutcome {
  images: number;
  generations: number;
  idempotencyKeys: number;
  rateLimits: number;
  webhookDeliveries: number;
  abuseRecords: number;
  mailSuppressions: number;
  mailProviderEvents: number;
  welcomeGrants: number;
  abandonedWrites: number;
}

/**
 * Deletes what has reached the end of its retention: images (files and records) and
 * generation requests 90 days after creation, request keys after 7 days, request
 * limits when their window closes, handled webhook deliveries after a day, abuse records
 * after a year, mail suppressions a year after the last report and the provider events
 * behind them after 3 days, the hashes of addresses given welcome points after 3 years, and the leftovers of file writes a crash cut short
 * an hour after (they may hold image bytes no record names). Runs on a schedule (and
 * when the worker starts); deletes in pages so a backlog cannot exhaust memory.
 */
export async function purgeExpiredData(options: PurgeExpiredDataOptions): Promise<PurgeOutcome> {
  const { db, blobs, clock } = options.services;
  const now = clock.now().toISOString();
  const limit = options.pageSize ?? 200;
  let images = 0;
  for (;;) {
    const expired = await db.query({
      collection: IMAGES,
      where: [{ field: "expiresAt", op: "<=", value: now }],
      limit,
    });
    for (const { id, data } of expired) {
      await deleteImageFiles(blobs, data.fileKey);
      await db.runTransaction(async (tx) => tx.delete(IMAGES, id));
      images++;
    }
    if (expired.length < limit) break;
  }
  let generations = 0;
  let after: { values: string[]; id: string } | undefined;
  for (;;) {
    const expired = await db.query({
      collection: GENERATIONS,
      where: [{ field: "expiresAt", op: "<=", value: now }],
      limit,
      ...(after ? { startAfter: after } : {}),
    });
    // A job that is somehow still open is left for recovery to finish first; the
    // cursor moves past it so it cannot hide finished jobs behind it.
    const closed = expired.filter(({ data }) => isFinished(data.status));
    for (const { id } of closed) await db.runTransaction(async (tx) => tx.delete(GENERATIONS, id));
    generations += closed.length;
    const last = expired[expired.length - 1];
    if (expired.length < limit || !last) break;
    after = { values: [last.data.expiresAt], id: last.id };
  }
  const idempotencyKeys = await deleteExpired(options.services, IDEMPOTENCY_KEYS, now, limit);
  const rateLimits = await deleteExpired(options.services, RATE_LIMITS, now, limit);
  const webhookDeliveries = await deleteExpired(options.services, WEBHOOK_DELIVERIES, now, limit);
  const abuseRecords = await deleteExpired(options.services, ABUSE_RECORDS, now, limit);
  const mailSuppressions = await deleteExpired(options.services, MAIL_SUPPRESSIONS, now, limit);
  const mailProviderEvents = await deleteExpired(options.services, MAIL_PROVIDER_EVENTS, now, limit);
  const welcomeGrants = await deleteExpired(options.services, WELCOME_GRANTS, now, limit);
  const held = await purgeExpiredLegalHolds({ services: options.services, pageSize: limit });
  const abandonedWrites = await blobs.removeAbandonedWrites(new Date(clock.now().getTime() - ABANDONED_WRITE_AGE_MS));
  const outcome = {
    images,
    generations,
    idempotencyKeys,
    rateLimits,
    webhookDeliveries,
    abuseRecords,
    mailSuppressions,
    mailProviderEvents,
    welcomeGrants,
    abandonedWrites,
    ...held,
  };
  if (Object.values(outcome).some((count) => count > 0)) logger.info("retention.purged", outcome);
  return outcome;
}
