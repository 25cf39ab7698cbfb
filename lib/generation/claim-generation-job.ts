import type { Services } from "../services";
import { GENERATIONS, type GenerationJob } from "./generation-job";

export interface ClaimGenerationJobOptions {
  services: Services;
  generationId: string;
  workerId: string;
}

/**
 * Takes a job for this worker: queued, or running under a lease that has run out
 * (its worker died), and not past its last attempt. Gives the job as claimed, or null
 * when it is not this worker's to run. The lease must be renewed as images are made;
 * another worker may take the job over once it expires.
 */
export async function claimGenerationJob(options: ClaimGenerationJobOptions): Promise<GenerationJob | null> {
  const { db, clock, config } = options.services;
  const id = options.generationId;
  return db.runTransaction(async (tx) => {
    const doc = await tx.get(GENERATIONS, id);
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
      leaseOwner: options.workerId,
      leaseExpiresAt: new Date(now.getTime() + config.JOB_LEASE_MS).toISOString(),
      updatedAt: now.toISOString(),
    };
    tx.update(GENERATIONS, id, claimed);
    return { ...job, ...claimed };
  });
}
