import { errorFields, logger } from "../observability/logger";
import {
  PredictionRefusedError,
  type PredictionImageModel,
  type PredictionState,
} from "../image-models/prediction-image-model";
import type { ModelPrice } from "../pricing/price-table";
import type { Services } from "../services";
import { cancelPendingPredictions } from "./cancel-pending-predictions";
import { closeGeneration } from "./close-generation";
import { GENERATIONS, type GenerationJob } from "./generation-job";
import { seedFor } from "./image-seed";
import { keepLease } from "./keep-lease";
import type { RunOutcome } from "./run-generation-job";
import { allImagesSettled, closingErrorCode, pendingPredictionIds } from "./settle-prediction";

/** A waiting job is first polled this long after it starts waiting, in case its webhook is lost. */
export const FIRST_POLL_AFTER_MS = 60_000;

export interface StartPredictionsOptions {
  services: Services;
  generationId: string;
  workerId: string;
  /** The job as this worker claimed it. */
  job: GenerationJob;
  model: ModelPrice;
  provider: PredictionImageModel;
}

/** Where a provider reports back: one fixed address, so it learns nothing about the job or the member. */
export function predictionWebhookUrl(services: Services, provider: string): string {
  return new URL(`/api/webhooks/${provider}`, services.config.APP_URL).toString();
}

/**
 * Records started predictions (or images that could not be started) while this worker
 * still holds the lease; null when it does not, and nothing is written.
 */
async function recordStarted(
  options: StartPredictionsOptions,
  change: { predictionId: string; count: number; failed: boolean; errorCode: string | null },
): Promise<GenerationJob | null> {
  const { services, generationId: id, workerId } = options;
  return services.db.runTransaction(async (tx) => {
    const doc = await tx.get(GENERATIONS, id);
    if (!doc || doc.data.status !== "running" || doc.data.leaseOwner !== workerId) return null;
    const job = doc.data;
    const first = job.predictionIds.length;
    const indexes = Array.from({ length: change.count }, (_, offset) => first + offset);
    const now = services.clock.now();
    const fields: Pick<GenerationJob, "predictionIds" | "imagesFailed" | "errorCode" | "leaseExpiresAt" | "updatedAt"> =
      {
        predictionIds: [...job.predictionIds, ...indexes.map(() => change.predictionId)],
        imagesFailed: change.failed ? [...job.imagesFailed, ...indexes] : job.imagesFailed,
        errorCode: change.errorCode ?? job.errorCode,
        leaseExpiresAt: new Date(now.getTime() + services.config.JOB_LEASE_MS).toISOString(),
        updatedAt: now.toISOString(),
      };
    tx.update(GENERATIONS, id, fields);
    return { ...job, ...fields };
  });
}

/**
 * Hands the job to the provider's queue: closes it if nothing is left to wait for,
 * otherwise sets it waiting, without a lease, so no worker is held while the provider
 * works. False when this worker no longer holds the job.
 */
async function startWaiting(options: StartPredictionsOptions): Promise<{ job: GenerationJob; closed: boolean } | null> {
  const { services, generationId: id, workerId } = options;
  return services.db.runTransaction(async (tx) => {
    const doc = await tx.get(GENERATIONS, id);
    if (!doc || doc.data.status !== "running" || doc.data.leaseOwner !== workerId) return null;
    const now = services.clock.now();
    // Images never started because the member stopped the job count as failed: they are released.
    const notStarted = Array.from({ length: doc.data.count - doc.data.predictionIds.length }, (_, offset) => {
      return doc.data.predictionIds.length + offset;
    });
    const job: GenerationJob = {
      ...doc.data,
      imagesFailed: [...doc.data.imagesFailed, ...notStarted.filter((i) => !doc.data.imagesFailed.includes(i))],
    };
    if (allImagesSettled(job, id)) {
      await closeGeneration({ tx, id, job, errorCode: closingErrorCode(job), now });
      tx.update(GENERATIONS, id, { imagesFailed: job.imagesFailed });
      return { job, closed: true };
    }
    const waiting: Pick<
      GenerationJob,
      "status" | "imagesFailed" | "leaseOwner" | "leaseExpiresAt" | "nextPollAt" | "updatedAt"
    > = {
      status: "waiting",
      imagesFailed: job.imagesFailed,
      leaseOwner: null,
      leaseExpiresAt: null,
      // Stopped meanwhile: its predictions are canceled below; a poll soon settles any cancel that fails.
      nextPollAt: new Date(now.getTime() + (job.cancelRequestedAt ? 0 : FIRST_POLL_AFTER_MS)).toISOString(),
      updatedAt: now.toISOString(),
    };
    tx.update(GENERATIONS, id, waiting);
    return { job: { ...job, ...waiting }, closed: false };
  });
}

/**
 * The asynchronous branch of running a job: starts a prediction for each group of
 * images not yet started (as many per prediction as the model makes at once),
 * recording each at once so a retry never starts it again, then leaves the job
 * waiting and frees the worker. A prediction the provider refuses (no such model, bad
 * input) fails its images with the reason, and the rest too: the same request would
 * be refused again. Any other failure to start fails that group's images.
 */
export async function startPredictions(options: StartPredictionsOptions): Promise<RunOutcome> {
  const { services, generationId: id, workerId, model, provider } = options;
  let job = options.job;
  const lease = keepLease({ services, generationId: id, workerId });
  try {
    const perPrediction = provider.maxImagesPerPrediction(model.providerModel);
    while (job.predictionIds.length < job.count && !job.cancelRequestedAt && !lease.signal.aborted) {
      const first = job.predictionIds.length;
      const remaining = job.count - first;
      const count = Math.min(perPrediction, remaining);
      let started: PredictionState | null = null;
      let refusal: PredictionRefusedError | null = null;
      try {
        started = await provider.startPrediction({
          providerModel: model.providerModel,
          prompt: job.prompt,
          size: job.size,
          count,
          seed: seedFor(id, first),
          webhookUrl: predictionWebhookUrl(services, model.provider),
        });
      } catch (error) {
        if (error instanceof PredictionRefusedError) refusal = error;
        logger.warn("generation.prediction_not_started", {
          generationId: id,
          reason: refusal?.reason ?? "provider_failed",
          ...errorFields(error),
        });
      }
      const recorded = await recordStarted(options, {
        predictionId: started?.id ?? "",
        count: refusal ? remaining : count,
        failed: started === null,
        errorCode: refusal?.reason ?? null,
      });
      if (!recorded) {
        // The job is no longer this worker's: what it just started at the provider is nobody's.
        if (started)
          await provider
            .cancelPrediction(started.id)
            .catch((error: unknown) =>
              logger.warn("generation.cancel_failed", { generationId: id, ...errorFields(error) }),
            );
        logger.warn("generation.lease_lost", { generationId: id, workerId });
        return "lease-lost";
      }
      job = recorded;
      if (started) logger.info("generation.prediction_started", { generationId: id, predictionId: started.id, count });
    }
  } finally {
    lease.stop();
  }
  if (lease.signal.aborted) return "lease-lost";

  const waiting = await startWaiting(options);
  if (!waiting) return "lease-lost";
  if (waiting.closed) {
    logger.info("generation.finished", {
      generationId: id,
      workerId,
      made: 0,
      failed: waiting.job.imagesFailed.length,
    });
    return "finished";
  }
  logger.info("generation.waiting", { generationId: id, predictions: pendingPredictionIds(waiting.job, id).length });
  if (waiting.job.cancelRequestedAt) await cancelPendingPredictions({ services, generationId: id, provider });
  return "finished";
}
