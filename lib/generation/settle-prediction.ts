import { deleteImageFiles } from "../images/delete-image-files";
import { UnreadableImageError } from "../images/image-processor";
import { IMAGES, imageId, type ImageRecord } from "../images/image-record";
import { makeThumbnails } from "../images/make-thumbnails";
import { isSettled, type PredictionState } from "../image-models/prediction-image-model";
import { errorFields, logger } from "../observability/logger";
import type { Services } from "../services";
import { WEBHOOK_DELIVERIES, webhookDelivery, webhookDeliveryId } from "../webhooks/webhook-delivery";
import { closeGeneration } from "./close-generation";
import { GENERATIONS, type GenerationJob } from "./generation-job";
import { storeGeneratedImage } from "./store-generated-image";

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function isImageSettled(job: GenerationJob, generationId: string, index: number): boolean {
  return job.imageIds.includes(imageId(generationId, index)) || job.imagesFailed.includes(index);
}

/** The predictions of a job that still owe it an image. */
export function pendingPredictionIds(job: GenerationJob, generationId: string): string[] {
  const pending = job.predictionIds.filter(
    (predictionId, index) => predictionId !== "" && !isImageSettled(job, generationId, index),
  );
  return [...new Set(pending)];
}

/** Every image is either made or failed: the job can be closed. */
export function allImagesSettled(job: GenerationJob, generationId: string): boolean {
  return Array.from({ length: job.count }, (_, index) => index).every((index) =>
    isImageSettled(job, generationId, index),
  );
}

/** Why a job closes when its last image settles. */
export function closingErrorCode(job: GenerationJob): string {
  return job.cancelRequestedAt ? "canceled" : (job.errorCode ?? "images_failed");
}

/** Copies one output into our storage, under the key of the job's current attempt (its thumbnails come once it is recorded). */
async function storeOutput(
  services: Services,
  options: { job: GenerationJob; generationId: string; index: number; png: Buffer },
): Promise<ImageRecord> {
  const { job, generationId, index, png } = options;
  if (!png.subarray(0, PNG_SIGNATURE.length).equals(PNG_SIGNATURE)) throw new UnreadableImageError("Not a PNG.");
  await services.imageProcessor.inspect(png);
  return storeGeneratedImage(services, { job, generationId, index, png });
}

export interface SettlePredictionOptions {
  services: Services;
  generationId: string;
  prediction: PredictionState;
  /** How to fetch an output: the provider's own download. */
  download: (url: string) => Promise<Buffer>;
  /** The webhook delivery this answers, recorded with the outcome so a replay changes nothing. */
  delivery?: { provider: string; id: string };
}

export type SettleOutcome = "settled" | "closed" | "unchanged";

/**
 * Takes a prediction's outcome into its job: each output the provider returned is
 * copied into our storage at once (the provider deletes it within the hour) and
 * recorded as an image; the images the prediction did not return (failed, canceled,
 * or fewer than asked: a safety filter) are recorded as failed. When the last image
 * settles, the job is closed in the same transaction: charged for the images made,
 * the rest released, exactly once. Safe to run twice and concurrently (webhook, poll,
 * cancel): the job's image lists only grow, and only the first recording counts.
 */
export async function settlePrediction(options: SettlePredictionOptions): Promise<SettleOutcome> {
  const { services, generationId, prediction } = options;
  const deliveryDoc = options.delivery && webhookDeliveryId(options.delivery.provider, options.delivery.id);
  const doc = await services.db.get(GENERATIONS, generationId);
  const snapshot = doc?.data;
  const indexes = snapshot
    ? snapshot.predictionIds.flatMap((predictionId, index) => (predictionId === prediction.id ? [index] : []))
    : [];
  const pending = snapshot ? indexes.filter((index) => !isImageSettled(snapshot, generationId, index)) : [];
  const open = snapshot?.status === "running" || snapshot?.status === "waiting";

  const images: ImageRecord[] = [];
  const failed: number[] = [];
  if (snapshot && open && isSettled(prediction.status)) {
    for (const [position, index] of indexes.entries()) {
      if (!pending.includes(index)) continue;
      const url = prediction.status === "succeeded" ? prediction.outputUrls[position] : undefined;
      if (!url) {
        failed.push(index);
        continue;
      }
      try {
        images.push(
          await storeOutput(services, { job: snapshot, generationId, index, png: await options.download(url) }),
        );
      } catch (error) {
        if (!(error instanceof UnreadableImageError)) throw error;
        logger.warn("generation.output_unreadable", { generationId, predictionId: prediction.id, index });
        failed.push(index);
      }
    }
  }

  const outcome = await services.db.runTransaction(async (tx): Promise<SettleOutcome | "stale"> => {
    const current = await tx.get(GENERATIONS, generationId);
    const replayed = deliveryDoc ? (await tx.get(WEBHOOK_DELIVERIES, deliveryDoc)) !== null : false;
    if (replayed) return "unchanged";
    const now = services.clock.now();
    const record = () => {
      if (deliveryDoc && options.delivery)
        tx.set(WEBHOOK_DELIVERIES, deliveryDoc, webhookDelivery(options.delivery.provider, now));
    };
    const job = current?.data;
    if (!job || (job.status !== "running" && job.status !== "waiting") || images.length + failed.length === 0) {
      record();
      return "unchanged";
    }
    // Another attempt took the job meanwhile: the files stored above are under the old attempt's keys.
    if (job.attempts !== snapshot?.attempts) return "stale";
    const newImages = images.filter((image) => !job.imageIds.includes(imageId(generationId, image.index)));
    const newFailures = failed.filter((index) => !isImageSettled(job, generationId, index));
    const updated: GenerationJob = {
      ...job,
      imageIds: [...job.imageIds, ...newImages.map((image) => imageId(generationId, image.index))],
      imagesFailed: [...job.imagesFailed, ...newFailures],
      updatedAt: now.toISOString(),
    };
    const closing = job.status === "waiting" && allImagesSettled(updated, generationId);
    if (closing) await closeGeneration({ tx, id: generationId, job: updated, errorCode: closingErrorCode(job), now });
    for (const image of newImages) tx.set(IMAGES, imageId(generationId, image.index), image);
    tx.update(GENERATIONS, generationId, {
      imageIds: updated.imageIds,
      imagesFailed: updated.imagesFailed,
      updatedAt: updated.updatedAt,
    });
    record();
    return closing ? "closed" : "settled";
  });

  if (outcome === "stale" || outcome === "unchanged") {
    // Files stored for images this call did not record belong to nobody.
    for (const image of images) {
      const recorded = outcome === "unchanged" && (await services.db.get(IMAGES, imageId(generationId, image.index)));
      if (recorded && recorded.data.fileKey === image.fileKey) continue;
      await deleteImageFiles(services.blobs, image.fileKey).catch((error: unknown) =>
        logger.warn("generation.output_cleanup_failed", { generationId, ...errorFields(error) }),
      );
    }
  }
  if (outcome === "closed") services.workSignal.notify("mail");
  if (outcome === "settled" || outcome === "closed") {
    // After the outcome is committed: the member's images and points do not wait for them.
    for (const image of images) {
      await makeThumbnails({ services, imageId: imageId(generationId, image.index), fileKey: image.fileKey });
    }
  }
  if (outcome !== "unchanged" && outcome !== "stale")
    logger.info("generation.prediction_settled", {
      generationId,
      predictionId: prediction.id,
      status: prediction.status,
      made: images.length,
      failed: failed.length,
      closed: outcome === "closed",
    });
  return outcome === "stale" ? "unchanged" : outcome;
}
