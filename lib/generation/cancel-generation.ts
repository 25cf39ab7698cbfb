import { AppError } from "../errors/app-error";
import type { Services } from "../services";
import { cancelPendingPredictions } from "./cancel-pending-predictions";
import { closeGeneration } from "./close-generation";
import { getGeneration, type GenerationView } from "./get-generation";
import { GENERATIONS, isFinished } from "./generation-job";

export interface CancelGenerationOptions {
  services: Services;
  uid: string;
  generationId: string;
}

/**
 * The member stops their own generation. A queued job ends at once and all its
 * points come back. A running job is marked: the worker finishes the image in
 * progress, then stops and charges only the images made. A job waiting on its
 * provider has its predictions canceled there: those that finish first are delivered
 * and charged, the rest released. Asking twice is harmless;
 * a finished job cannot be canceled.
 */
export async function cancelGeneration(options: CancelGenerationOptions): Promise<GenerationView> {
  const { db, clock } = options.services;
  const id = options.generationId;
  const wasWaiting = await db.runTransaction(async (tx) => {
    const doc = await tx.get(GENERATIONS, id);
    if (!doc || doc.data.uid !== options.uid) throw new AppError("NOT_FOUND", "generation.notFound");
    const job = doc.data;
    if (isFinished(job.status)) throw new AppError("INVALID_STATE", "generation.finished");
    const now = clock.now();
    if (job.status === "queued") {
      await closeGeneration({ tx, id, job, errorCode: "canceled", now });
      return false;
    }
    if (!job.cancelRequestedAt)
      tx.update(GENERATIONS, id, { cancelRequestedAt: now.toISOString(), updatedAt: now.toISOString() });
    return job.status === "waiting";
  });
  const provider = options.services.imageProviders.replicate;
  if (wasWaiting && provider)
    await cancelPendingPredictions({ services: options.services, generationId: id, provider });
  return getGeneration(options);
}
