import { AppError } from "../errors/app-error";
import type { Services } from "../services";
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
 * progress, then stops and charges only the images made. Asking twice is harmless;
 * a finished job cannot be canceled.
 */
export async function cancelGeneration(options: CancelGenerationOptions): Promise<GenerationView> {
  const { db, clock } = options.services;
  const id = options.generationId;
  await db.runTransaction(async (tx) => {
    const doc = await tx.get(GENERATIONS, id);
    if (!doc || doc.data.uid !== options.uid) throw new AppError("NOT_FOUND", "generation.notFound");
    const job = doc.data;
    if (isFinished(job.status)) throw new AppError("INVALID_STATE", "generation.finished");
    const now = clock.now();
    if (job.status === "queued") {
      await closeGeneration({ tx, id, job, errorCode: "canceled", now });
      return;
    }
    if (!job.cancelRequestedAt)
      tx.update(GENERATIONS, id, { cancelRequestedAt: now.toISOString(), updatedAt: now.toISOString() });
  });
  return getGeneration(options);
}
