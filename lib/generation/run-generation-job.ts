import { createHash } from "node:crypto";
import { addDays } from "../clock/clock";
import { AppError, isAppError } from "../errors/app-error";
import { deleteImageFiles } from "../images/delete-image-files";
import { discardUnrecordedImageFiles } from "../images/discard-unrecorded-image-files";
import { UnreadableImageError } from "../images/image-processor";
import { IMAGE_RETENTION_DAYS, imageId, imageKeys, type ImageRecord } from "../images/image-record";
import { ThumbnailBacklog } from "../images/thumbnail-backlog";
import type { ImageModelProvider } from "../image-models/image-model";
import { logger } from "../observability/logger";
import { findModel } from "../pricing/price-table";
import type { Services } from "../services";
import { claimGenerationJob } from "./claim-generation-job";
import { closeGeneration } from "./close-generation";
import { GENERATIONS, isFinished, type GenerationJob } from "./generation-job";
import { keepLease } from "./keep-lease";
import { recordGeneratedImage } from "./record-generated-image";
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

function seedFor(generationId: string, index: number): number {
  return createHash("sha256").update(`${generationId}:${index}`).digest().readUInt32BE(0);
}

/**
 * Makes one image and stores it under this attempt's key (its thumbnails come after
 * it is recorded, off the critical path: lib/images/make-thumbnails.ts). Rejects with
 * PROVIDER_FAILED when the model fails, times out, is stopped, or answers with bytes
 * that are not an image.
 */
async function makeImage(
  services: Services,
  options: { provider: ImageModelProvider; job: GenerationJob; id: string; index: number; lease: AbortSignal },
): Promise<ImageRecord> {
  const { provider, job, id, index } = options;
  const keys = imageKeys(job.uid, id, imageId(id, index), job.attempts);
  const png = await withProviderTimeout({
    timeoutMs: services.config.PROVIDER_TIMEOUT_MS,
    lease: options.lease,
    call: (signal) =>
      provider.generate({ model: job.model, prompt: job.prompt, size: job.size, seed: seedFor(id, index), signal }),
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
  await services.blobs.put(keys.fileKey, png, "image/png");
  const now = services.clock.now();
  return {
    uid: job.uid,
    generationId: id,
    index,
    prompt: job.prompt,
    model: job.model,
    size: job.size,
    ...keys,
    thumbnails: [],
    bytes: png.length,
    createdAt: now.toISOString(),
    expiresAt: addDays(now, IMAGE_RETENTION_DAYS).toISOString(),
  };
}

/**
 * Runs one generation job: the same handler for the local worker and the Cloud
 * Functions trigger. Safe to call twice for the same job and safe to crash in:
 * images already made are kept and not made again, and the job is finished (points
 * settled or released) exactly once.
 */
export async function runGenerationJob(options: RunGenerationJobOptions): Promise<RunOutcome> {
  const { services, generationId: id, workerId } = options;
  const claimed = await claimGenerationJob(options);
  if (!claimed) return "not-runnable";
  let job: GenerationJob = claimed;
  logger.info("generation.started", { generationId: id, workerId, attempt: job.attempts });

  const model = findModel(job.model);
  const provider = model && services.imageProviders[model.provider];
  if (!provider) {
    await finishHeldJob(options, "model_unavailable");
    return "finished";
  }

  // Files an earlier, dead attempt stored but never recorded.
  await discardUnrecordedImageFiles({ services, generationId: id, job, upToAttempt: job.attempts - 1 });
  const lease = keepLease({ services, generationId: id, workerId });
  const thumbnails = options.thumbnails ?? new ThumbnailBacklog(services);
  try {
    for (let index = 0; index < job.count; index++) {
      if (job.cancelRequestedAt) break;
      if (job.imageIds.includes(imageId(id, index)) || job.imagesFailed.includes(index)) continue;
      let image: ImageRecord | null = null;
      try {
        image = await makeImage(services, { provider, job, id, index, lease: lease.signal });
      } catch (error) {
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
    job.cancelRequestedAt ? "canceled" : job.imagesFailed.length > 0 ? "images_failed" : null,
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
