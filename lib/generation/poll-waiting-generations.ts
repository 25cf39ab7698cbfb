import { imageId } from "../images/image-record";
import { errorFields, logger } from "../observability/logger";
import { findModel } from "../pricing/price-table";
import type { Services } from "../services";
import { cancelPendingPredictions } from "./cancel-pending-predictions";
import { closeGeneration } from "./close-generation";
import { GENERATIONS, type GenerationJob } from "./generation-job";
import { pendingPredictionIds, settlePrediction } from "./settle-prediction";

/** A waiting job whose webhook has not come is asked about again this often. */
export const POLL_EVERY_MS = 60_000;
/**
 * A job still waiting this long after it started is stopped at the provider and closed
 * with what it has: well inside the hour after which Replicate deletes outputs.
 */
export const PREDICTION_DEADLINE_MS = 30 * 60_000;

export interface PollWaitingGenerationsOptions {
  services: Services;
}

export interface PollOutcome {
  polled: number;
  closed: number;
  failed: number;
}

/** Takes the job's next poll for this sweep, so two sweeps do not poll it at once. */
async function claimPoll(services: Services, id: string): Promise<GenerationJob | null> {
  return services.db.runTransaction(async (tx) => {
    const doc = await tx.get(GENERATIONS, id);
    const now = services.clock.now();
    if (!doc || doc.data.status !== "waiting" || (doc.data.nextPollAt ?? "") > now.toISOString()) return null;
    tx.update(GENERATIONS, id, { nextPollAt: new Date(now.getTime() + POLL_EVERY_MS).toISOString() });
    return doc.data;
  });
}

/** Past the deadline and still owed images after the cancel: closed with what it has, the rest released. */
async function closeOverdue(services: Services, id: string): Promise<boolean> {
  return services.db.runTransaction(async (tx) => {
    const doc = await tx.get(GENERATIONS, id);
    if (!doc || doc.data.status !== "waiting") return false;
    const job = doc.data;
    const unsettled = Array.from({ length: job.count }, (_, index) => index).filter(
      (index) => !job.imageIds.includes(imageId(id, index)) && !job.imagesFailed.includes(index),
    );
    const imagesFailed = [...job.imagesFailed, ...unsettled];
    await closeGeneration({
      tx,
      id,
      job: { ...job, imagesFailed },
      errorCode: job.cancelRequestedAt ? "canceled" : "provider_timeout",
      now: services.clock.now(),
    });
    tx.update(GENERATIONS, id, { imagesFailed });
    return true;
  });
}

/**
 * The fallback for lost webhooks: every waiting job due for a poll has its pending
 * predictions read from the provider and settled as a webhook would. A job waiting past
 * PREDICTION_DEADLINE_MS is canceled at the provider and closed. Run on a schedule
 * (worker loop, the recoverGenerations function).
 */
export async function pollWaitingGenerations(options: PollWaitingGenerationsOptions): Promise<PollOutcome> {
  const { services } = options;
  const due = await services.db.query({
    collection: GENERATIONS,
    where: [
      { field: "status", op: "==", value: "waiting" },
      { field: "nextPollAt", op: "<=", value: services.clock.now().toISOString() },
    ],
    orderBy: [{ field: "nextPollAt", direction: "asc" }],
    limit: 50,
  });
  const outcome: PollOutcome = { polled: 0, closed: 0, failed: 0 };
  for (const { id } of due) {
    try {
      const job = await claimPoll(services, id);
      if (!job) continue;
      outcome.polled++;
      const model = findModel(job.model);
      const provider = model?.provider === "replicate" ? services.imageProviders.replicate : undefined;
      if (!provider) {
        logger.error("generation.poll_without_provider", { generationId: id, model: job.model });
        continue;
      }
      const overdue =
        Date.parse(job.startedAt ?? job.createdAt) + PREDICTION_DEADLINE_MS <= services.clock.now().getTime();
      if (overdue) {
        await cancelPendingPredictions({ services, generationId: id, provider });
        if (await closeOverdue(services, id)) outcome.closed++;
        continue;
      }
      for (const predictionId of pendingPredictionIds(job, id)) {
        const prediction = await provider.getPrediction(predictionId);
        const settled = await settlePrediction({
          services,
          generationId: id,
          prediction,
          download: (url) => provider.downloadOutput(url),
        });
        if (settled === "closed") outcome.closed++;
      }
    } catch (error) {
      outcome.failed++;
      logger.error("generation.poll_failed", { generationId: id, ...errorFields(error) });
    }
  }
  return outcome;
}
