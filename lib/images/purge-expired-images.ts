import { GENERATIONS, type GenerationJob } from "../generation/generation-job";
import { logger } from "../observability/logger";
import type { Services } from "../services";
import { IMAGES, type ImageRecord } from "./image-record";

/**
 * Deletes images (files and records) past their 90-day expiry, and generation
 * requests past theirs. Runs on a schedule; deletes in pages so a backlog cannot
 * exhaust memory.
 */
export async function purgeExpiredImages(options: { services: Services; pageSize?: number }): Promise<{ images: number; generations: number }> {
  const { db, blobs, clock } = options.services;
  const now = clock.now().toISOString();
  const limit = options.pageSize ?? 200;
  let images = 0;
  for (;;) {
    const expired = await db.query<ImageRecord>({ collection: IMAGES, where: [{ field: "expiresAt", op: "<=", value: now }], limit });
    for (const { id, data } of expired) {
      await blobs.delete(data.fileKey);
      await blobs.delete(data.thumbnailKey);
      await db.runTransaction(async (tx) => tx.delete(IMAGES, id));
      images++;
    }
    if (expired.length < limit) break;
  }
  let generations = 0;
  let after: { values: string[]; id: string } | undefined;
  for (;;) {
    const expired = await db.query<GenerationJob>({
      collection: GENERATIONS,
      where: [{ field: "expiresAt", op: "<=", value: now }],
      limit,
      ...(after ? { startAfter: after } : {}),
    });
    // A job that is somehow still open is left for recovery to finish first; the
    // cursor moves past it so it cannot hide finished jobs behind it.
    const closed = expired.filter(({ data }) => data.status !== "queued" && data.status !== "running");
    for (const { id } of closed) await db.runTransaction(async (tx) => tx.delete(GENERATIONS, id));
    generations += closed.length;
    const last = expired[expired.length - 1];
    if (expired.length < limit || !last) break;
    after = { values: [last.data.expiresAt], id: last.id };
  }
  if (images + generations > 0) logger.info("retention.purged", { images, generations });
  return { images, generations };
}
