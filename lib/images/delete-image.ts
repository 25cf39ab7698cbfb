import { AppError } from "../errors/app-error";
import { GENERATIONS, type GenerationJob } from "../generation/generation-job";
import { logger } from "../observability/logger";
import type { Services } from "../services";
import { IMAGES, type ImageRecord } from "./image-record";

/**
 * Deletes a member's image at once: both files, then the record (and its mention in
 * the generation). Files go first so that a failure leaves a record that can be
 * deleted again, never a file nobody can find.
 */
export async function deleteImage(options: { services: Services; uid: string; imageId: string }): Promise<void> {
  const { db, blobs } = options.services;
  const doc = await db.get<ImageRecord>(IMAGES, options.imageId);
  if (!doc || doc.data.uid !== options.uid) throw new AppError("NOT_FOUND", "No such image.");
  await blobs.delete(doc.data.fileKey);
  await blobs.delete(doc.data.thumbnailKey);
  await db.runTransaction(async (tx) => {
    const job = await tx.get<GenerationJob>(GENERATIONS, doc.data.generationId);
    tx.delete(IMAGES, options.imageId);
    if (job) {
      tx.update(GENERATIONS, doc.data.generationId, { imageIds: job.data.imageIds.filter((id) => id !== options.imageId) });
    }
  });
  logger.info("image.deleted", { imageId: options.imageId, uid: options.uid });
}
