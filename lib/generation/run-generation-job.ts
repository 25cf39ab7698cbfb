import { AppError, isAppError } from "../errors/app-error";
import { deleteImageFiles } from "../images/delete-image-files";
import { discardUnrecordedImageFiles } from "../images/discard-unrecorded-image-files";
import { UnreadableImageError } from "../images/image-processor";
import { imageId, imageKeys, type ImageRecord } from "../images/image-record";
import { ThumbnailBacklog } from "../images/thumbnail-backlog";
import type { ImageModelProvider } from "../image-models/image-model";
import { logger } from "../observability/logger";
import { findModel, type ModelPrice } from "../pricing/price-table";
import type { Services } from "../services";
import { claimGenerationJob } from "./claim-generation-job";
import { closeGeneration } from "./close-generation";
import { seedFor } from "./image-seed";
import { startPredictions } from "./start-predictions";
import { GENERATIONS, isFinished, type GenerationJob } from "./generation-job";
import { keepLease } from "./keep-lease";
import { recordGeneratedImage } from "./record-generated-image";
import { storeGeneratedImage } from "./store-generated-image";
import { withProviderTimeout } from "./with-provider-timeout";

export type RunOutcome = "finished" | "not-runnable" | "lease-lost";

export interface RunGenerationJobOptions {
  services: Services;
  generationId: string;
  workerId: string;
  /** Where the recorded images' thumbnails are made; without one the job makes its own before it returns. */
  thumbnails?: ThumbnailBacklog;
}

/** Closes the job this worker still holds; false when the lease went elsewhere meanwhile. */
async function finishHeldJob(options: RunGenerationJobOptions, errorCode: string | null): Promise<boolean> {
  const { db, clock } = options.services;
  const id = options.generationId;
  return db.runTransaction(async (tx) => {
    const doc = await tx.get(GENERATIONS, id);
    if (!doc || isFinished(doc.data.status) || doc.data.leaseOwner !== options.workerId) return false;
    await closeGeneration({ tx, id, job: doc.data, errorCode, now: clock.now() });
    return true;
  });
}

/**
 * Makes one image and stores it under this attempt's key (its thumbnails come after
 * it is recorded, off the critical path: lib/images/make-thumbnails.ts). Rejects with
 * PROVIDER_FAILED when the model fails, times out, is stopped, or answers with bytes
 * that are not an image.
 */
async function makeImage(
  services: Services,
  options: {
    provider: ImageModelProvider;
    model: ModelPrice;
    job: GenerationJob;
    id: string;
    index: number;
    lease: AbortSignal;
  },
): Promise<ImageRecord> {
  const { provider, model, job, id, index } = options;
  const png = await withProviderTimeout({
    timeoutMs: services.config.PROVIDER_TIMEOUT_MS,
    lease: options.lease,
    call: (signal) =>
      provider.generate({
        model: job.model,
        providerModel: model.providerModel,
        quality: model.quality,
        prompt: job.prompt,
        size: job.size,
        seed: seedFor(id, index),
        signal,
      }),
  });
  try {
    await services.imageProcessor.inspect(png);
  } catch (error) {
    // Bytes without an image header are the provider's failure: they are not an image.
    if (error instanceof UnreadableImageError)
      throw new AppError("PROVIDER_FAILED", "service.imageModelFailed", {
        diagnostic: "The image model returned bytes that are not an image.",
      });
    throw error;
  }
  return storeGeneratedImage(services, { job, generationId: id, index, png });
}

/**
 * The job's error code when a provider's answer holds for every image of the job (the
 * prompt refused, the model gone), or null when only this image failed.
 */
function jobEndingError(error: unknown): string | null {
  if (isAppError(error, "PROMPT_REFUSED")) return "prompt_refused";
  if (isAppError(error, "MODEL_UNAVAILABLE")) return "model_unavailable";
  return null;
}

/**
 * Runs one generation job: the same handler for the local worker and the Cloud
 * Functions trigger. Safe to call twice for the same job and safe to crash in:
 * images already made are kept and not made again, and the job is finished (points
 * settled or released) exactly once. A job for an asynchronous provider only starts
 * its predictions here and then waits without holding the worker (start-predictions.ts).
 */
export async function runGenerationJob(options: RunGenerationJobOptions): Promise<RunOutcome> {
  const { services, generationId: id, workerId } = options;
  const claimed = await claimGenerationJob(options);
  if (!claimed) return "not-runnable";
  let job: GenerationJob = claimed;
  logger.info("generation.started", { generationId: id, workerId, attempt: job.attempts });

  const model = findModel(job.model);
  const provider = model && services.imageProviders[model.provider];
  if (!model || !provider) {
    await finishHeldJob(options, "model_unavailable");
    return "finished";
  }

  // Files an earlier, dead attempt stored but never recorded.
  await discardUnrecordedImageFiles({ services, generationId: id, job, upToAttempt: job.attempts - 1 });
  if ("startPrediction" in provider) return startPredictions({ ...options, job, model, provider });
  const lease = keepLease({ services, generationId: id, workerId });
  let stoppedBecause: string | null = null;
  const thumbnails = options.thumbnails ?? new ThumbnailBacklog(services);
  try {
    for (let index = 0; index < job.count; index++) {
      if (job.cancelRequestedAt) break;
      if (job.imageIds.includes(imageId(id, index)) || job.imagesFailed.includes(index)) continue;
      let image: ImageRecord | null = null;
      try {
        image = await makeImage(services, { provider, model, job, id, index, lease: lease.signal });
      } catch (error) {
        stoppedBecause = jobEndingError(error);
        if (stoppedBecause) {
          // The same prompt and model would be refused again: ask no more, charge nothing more.
          logger.warn("generation.stopped", { generationId: id, index, errorCode: stoppedBecause });
          break;
        }
        if (!isAppError(error, "PROVIDER_FAILED")) throw error;
        if (lease.signal.aborted) break;
        logger.warn("generation.image_failed", { generationId: id, index, errorCode: error.code });
      }
      const updated = lease.signal.aborted
        ? null
        : await recordGeneratedImage({ services, generationId: id, workerId, index, image });
      if (!updated) {
        // Another worker owns the job now; what this attempt stored is nobody's.
        await deleteImageFiles(services.blobs, imageKeys(job.uid, id, imageId(id, index), job.attempts).fileKey);
        logger.warn("generation.lease_lost", { generationId: id, workerId });
        return "lease-lost";
      }
      job = updated;
      if (image) thumbnails.add({ imageId: imageId(id, index), fileKey: image.fileKey });
    }
    if (lease.signal.aborted) {
      logger.warn("generation.lease_lost", { generationId: id, workerId });
      return "lease-lost";
    }
  } finally {
    lease.stop();
  }

  const finished = await finishHeldJob(
    options,
    job.cancelRequestedAt ? "canceled" : (stoppedBecause ?? (job.imagesFailed.length > 0 ? "images_failed" : null)),
  );
  if (!options.thumbnails) await thumbnails.settled();
  if (!finished) return "lease-lost";
  logger.info("generation.finished", {
    generationId: id,
    workerId,
    made: job.imageIds.length,
    failed: job.imagesFailed.length,
  });
  return "finished";
}
