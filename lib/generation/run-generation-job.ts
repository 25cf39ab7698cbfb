import { createHash } from "node:crypto";
import sharp from "sharp";
import { addDays } from "../clock/clock";
import { AppError, isAppError } from "../errors/app-error";
import { discardUnrecordedImageFiles } from "../images/discard-unrecorded-image-files";
import {
  IMAGE_RETENTION_DAYS,
  IMAGES,
  imageId,
  imageKeys,
  THUMBNAIL_SIZE,
  type ImageRecord,
} from "../images/image-record";
import { logger } from "../observability/logger";
import { readPointAccount } from "../points/ledger";
import { readReservation } from "../points/reservations";
import { findModel } from "../pricing/price-table";
import type { Services } from "../services";
import { finishGeneration } from "./finish-generation";
import { GENERATIONS, isFinished, type GenerationJob } from "./generation-job";
import { keepLease } from "./keep-lease";

export type RunOutcome = "finished" | "not-runnable" | "lease-lost";

/**
 * Takes a job for this worker: queued, or running under a lease that has run out
 * (its worker died). The lease must be renewed as images are made; another worker
 * may take the job over once it expires.
 */
async function claim(services: Services, id: string, workerId: string): Promise<GenerationJob | null> {
  const { db, clock, config } = services;
  return db.runTransaction(async (tx) => {
    const doc = await tx.get<GenerationJob>(GENERATIONS, id);
    if (!doc) return null;
    const job = doc.data;
    const now = clock.now();
    const leaseExpired =
      job.status === "running" && (job.leaseExpiresAt === null || job.leaseExpiresAt <= now.toISOString());
    if (job.status !== "queued" && !leaseExpired) return null;
    if (job.attempts >= config.JOB_MAX_ATTEMPTS) return null;
    const claimed: Pick<
      GenerationJob,
      "status" | "attempts" | "leaseOwner" | "leaseExpiresAt" | "startedAt" | "updatedAt"
    > = {
      status: "running",
      startedAt: job.startedAt ?? now.toISOString(),
      attempts: job.attempts + 1,
      leaseOwner: workerId,
      leaseExpiresAt: new Date(now.getTime() + config.JOB_LEASE_MS).toISOString(),
      updatedAt: now.toISOString(),
    };
    tx.update(GENERATIONS, id, claimed);
    return { ...job, ...claimed };
  });
}

/** Records one image's outcome and renews the lease, unless the lease was lost. */
async function recordImage(
  services: Services,
  options: { id: string; workerId: string; index: number; image: ImageRecord | null },
): Promise<GenerationJob | null> {
  const { db, clock, config } = services;
  return db.runTransaction(async (tx) => {
    const doc = await tx.get<GenerationJob>(GENERATIONS, options.id);
    if (!doc || doc.data.status !== "running" || doc.data.leaseOwner !== options.workerId) return null;
    const job = doc.data;
    const now = clock.now();
    const id = imageId(options.id, options.index);
    const changes: Pick<GenerationJob, "imageIds" | "imagesFailed" | "leaseExpiresAt" | "updatedAt"> = {
      imageIds: options.image && !job.imageIds.includes(id) ? [...job.imageIds, id] : job.imageIds,
      imagesFailed:
        !options.image && !job.imagesFailed.includes(options.index)
          ? [...job.imagesFailed, options.index]
          : job.imagesFailed,
      leaseExpiresAt: new Date(now.getTime() + config.JOB_LEASE_MS).toISOString(),
      updatedAt: now.toISOString(),
    };
    if (options.image) tx.set(IMAGES, id, options.image);
    tx.update(GENERATIONS, options.id, changes);
    return { ...job, ...changes };
  });
}

async function finish(services: Services, id: string, workerId: string, errorCode: string | null): Promise<boolean> {
  const { db, clock } = services;
  return db.runTransaction(async (tx) => {
    const doc = await tx.get<GenerationJob>(GENERATIONS, id);
    if (!doc || isFinished(doc.data.status) || doc.data.leaseOwner !== workerId) return false;
    const reservation = await readReservation(tx, id);
    const account = await readPointAccount(tx, doc.data.uid);
    if (!reservation) throw new AppError("INTERNAL", `Generation ${id} has no reservation.`);
    finishGeneration(tx, { id, job: doc.data, reservation, account, errorCode, now: clock.now() });
    return true;
  });
}

/**
 * Bounds a provider call in time even if the provider ignores its abort signal, and
 * stops it when the lease is lost.
 */
async function withTimeout<T>(
  timeoutMs: number,
  lease: AbortSignal,
  call: (signal: AbortSignal) => Promise<T>,
): Promise<T> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const onLeaseLost = () => controller.abort(lease.reason);
  lease.addEventListener("abort", onLeaseLost, { once: true });
  const bounded = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort(new Error("timeout"));
      reject(new AppError("PROVIDER_FAILED", `The image model did not answer within ${timeoutMs} ms.`));
    }, timeoutMs);
    controller.signal.addEventListener(
      "abort",
      () => reject(new AppError("PROVIDER_FAILED", "The image call was stopped.")),
      { once: true },
    );
  });
  try {
    return await Promise.race([call(controller.signal), bounded]);
  } finally {
    clearTimeout(timer);
    lease.removeEventListener("abort", onLeaseLost);
  }
}

/** A thumbnail the provider's bytes cannot give is the provider's failure: they are not an image. */
async function thumbnailOf(png: Buffer): Promise<Buffer> {
  try {
    return await sharp(png).resize(THUMBNAIL_SIZE, THUMBNAIL_SIZE, { fit: "inside" }).webp({ quality: 80 }).toBuffer();
  } catch {
    throw new AppError("PROVIDER_FAILED", "The image model returned bytes that are not an image.");
  }
}

function seedFor(generationId: string, index: number): number {
  return createHash("sha256").update(`${generationId}:${index}`).digest().readUInt32BE(0);
}

/**
 * Runs one generation job: the same handler for the local worker and the Cloud
 * Functions trigger. Safe to call twice for the same job and safe to crash in:
 * images already made are kept and not made again, and the job is finished (points
 * settled or released) exactly once.
 */
export async function runGenerationJob(options: {
  services: Services;
  generationId: string;
  workerId: string;
}): Promise<RunOutcome> {
  const { services, generationId: id, workerId } = options;
  const claimed = await claim(services, id, workerId);
  if (!claimed) return "not-runnable";
  let job: GenerationJob = claimed;
  logger.info("generation.started", { generationId: id, workerId, attempt: job.attempts });

  const model = findModel(job.model);
  const provider = model && services.imageProviders[model.provider];
  if (!provider) {
    await finish(services, id, workerId, "model_unavailable");
    return "finished";
  }

  // Files an earlier, dead attempt stored but never recorded.
  await discardUnrecordedImageFiles({ services, generationId: id, job, upToAttempt: job.attempts - 1 });
  const lease = keepLease({ services, generationId: id, workerId });
  try {
    for (let index = 0; index < job.count; index++) {
      if (job.cancelRequestedAt) break;
      const imgId = imageId(id, index);
      if (job.imageIds.includes(imgId) || job.imagesFailed.includes(index)) continue;
      const keys = imageKeys(job.uid, id, imgId, job.attempts);
      let image: ImageRecord | null = null;
      try {
        const current = job;
        const png = await withTimeout(services.config.PROVIDER_TIMEOUT_MS, lease.signal, (signal) =>
          provider.generate({
            model: current.model,
            prompt: current.prompt,
            size: current.size,
            seed: seedFor(id, index),
            signal,
          }),
        );
        const thumbnail = await thumbnailOf(png);
        await services.blobs.put(keys.fileKey, png, "image/png");
        await services.blobs.put(keys.thumbnailKey, thumbnail, "image/webp");
        const now = services.clock.now();
        image = {
          uid: job.uid,
          generationId: id,
          index,
          prompt: job.prompt,
          model: job.model,
          size: job.size,
          ...keys,
          bytes: png.length,
          createdAt: now.toISOString(),
          expiresAt: addDays(now, IMAGE_RETENTION_DAYS).toISOString(),
        };
      } catch (error) {
        if (!isAppError(error, "PROVIDER_FAILED")) throw error;
        if (lease.signal.aborted) break;
        logger.warn("generation.image_failed", { generationId: id, index, errorCode: error.code });
      }
      const updated = lease.signal.aborted ? null : await recordImage(services, { id, workerId, index, image });
      if (!updated) {
        // Another worker owns the job now; what this attempt stored is nobody's.
        await services.blobs.delete(keys.fileKey);
        await services.blobs.delete(keys.thumbnailKey);
        logger.warn("generation.lease_lost", { generationId: id, workerId });
        return "lease-lost";
      }
      job = updated;
    }
    if (lease.signal.aborted) {
      logger.warn("generation.lease_lost", { generationId: id, workerId });
      return "lease-lost";
    }
  } finally {
    lease.stop();
  }

  const finished = await finish(
    services,
    id,
    workerId,
    job.cancelRequestedAt ? "canceled" : job.imagesFailed.length > 0 ? "images_failed" : null,
  );
  if (!finished) return "lease-lost";
  logger.info("generation.finished", {
    generationId: id,
    workerId,
    made: job.imageIds.length,
    failed: job.imagesFailed.length,
  });
  return "finished";
}
