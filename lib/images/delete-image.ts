import { AppError } from "../errors/app-error";
import { GENERATIONS, isFinished } from "../generation/generation-job";
import { logger } from "../observability/logger";
import type { Services } from "../services";
import { deleteImageFiles } from "./delete-image-files";
import { IMAGES } from "./image-record";

/**
 * Deletes a member's image at once: its files (the original and every thumbnail,
 * even one still being made), then the record. Files go first so that a failure
 * leaves a record that can be deleted again, never a file nobody can find. The
 * generation keeps the image's id: it records what was made and charged, and stops a
 * retried job from making the image again. With the job's last image goes its prompt:
 * nothing the member still keeps needs it, and the member chose to be rid of what they made.
 */
export async function deleteImage(options: { services: Services; uid: string; imageId: string }): Promise<void> {
  const { db, blobs } = options.services;
  const doc = await db.get(IMAGES, options.imageId);
  if (!doc || doc.data.uid !== options.uid) throw new AppError("NOT_FOUND", "image.notFound");
  await deleteImageFiles(blobs, doc.data.fileKey);
  const { generationId } = doc.data;
  const promptErased = await db.runTransaction(async (tx) => {
    const siblings = await tx.query({
      collection: IMAGES,
      where: [{ field: "generationId", op: "==", value: generationId }],
    });
    const job = await tx.get(GENERATIONS, generationId);
    tx.delete(IMAGES, options.imageId);
    const lastImage = siblings.every(({ id }) => id === options.imageId);
    if (!job || !lastImage || !isFinished(job.data.status) || job.data.prompt === "") return false;
    tx.update(GENERATIONS, generationId, { prompt: "" });
    return true;
  });
  logger.info("image.deleted", { imageId: options.imageId, uid: options.uid, promptErased });
}
