import { discardUnrecordedImageFiles } from "../images/discard-unrecorded-image-files";
import { errorFields, logger } from "../observability/logger";
import type { Services } from "../services";
import { closeGeneration } from "./close-generation";
import { GENERATIONS } from "./generation-job";

/** A job still queued this long is given up and its points released (no worker is taking jobs). */
export const QUEUE_TIMEOUT_MS = 30 * 60_000;

export interface RecoverStalledGenerationsOptions {
  services: Services;
}

export interface RecoveryOutcome {
  requeued: number;
  finished: number;
  /**
   * Jobs that could not be closed for a passing reason such as a database error (logged
   * each time; they stay as they are and come up again). A job whose reservation is
   * missing is not one of them: it is closed as failed, with no points moved.
   */
  failed: number;
}

/**
 * No job stays running forever: a job whose worker stopped renewing its lease goes
 * back to the queue, or, after its last attempt, is finished with the images it has
 * (charging those, releasing the rest). Run on a schedule (worker loop, Cloud
 * Scheduler).
 */
export async function recoverStalledGenerations(options: RecoverStalledGenerationsOptions): Promise<RecoveryOutcome> {
  const { db, clock, config } = options.services;
  const now = clock.now();
  const expired = await db.query({
    collection: GENERATIONS,
    where: [
      { field: "status", op: "==", value: "running" },
      { field: "leaseExpiresAt", op: "<=", value: now.toISOString() },
    ],
    orderBy: [{ field: "leaseExpiresAt", direction: "asc" }],
    limit: 100,
  });
  const stale = await db.query({
    collection: GENERATIONS,
    where: [
      { field: "status", op: "==", value: "queued" },
      { field: "createdAt", op: "<=", value: new Date(now.getTime() - QUEUE_TIMEOUT_MS).toISOString() },
    ],
    orderBy: [{ field: "createdAt", direction: "asc" }],
    limit: 100,
  });
  let requeued = 0;
  let finished = 0;
  let failed = 0;
  for (const { id } of [...expired, ...stale]) {
    // One job that cannot be closed must not stop the recovery of the others.
    const outcome = await db
      .runTransaction(async (tx) => {
        const doc = await tx.get(GENERATIONS, id);
        if (!doc) return null;
        const job = doc.data;
        const current = clock.now();
        const leaseGone =
          job.status === "running" && job.leaseExpiresAt !== null && job.leaseExpiresAt <= current.toISOString();
        const queueGone = job.status === "queued" && Date.parse(job.createdAt) <= current.getTime() - QUEUE_TIMEOUT_MS;
        if (!leaseGone && !queueGone) return null;
        if (leaseGone && job.attempts < config.JOB_MAX_ATTEMPTS && !job.cancelRequestedAt) {
          tx.update(GENERATIONS, id, {
            status: "queued",
            leaseOwner: null,
            leaseExpiresAt: null,
            updatedAt: current.toISOString(),
          });
          return "requeued" as const;
        }
        await closeGeneration({
          tx,
          id,
          job,
          errorCode: job.cancelRequestedAt ? "canceled" : leaseGone ? "worker_lost" : "queue_timeout",
          now: current,
        });
        return { job };
      })
      .catch((error: unknown) => {
        failed++;
        logger.error("generation.recovery_failed", { generationId: id, ...errorFields(error) });
        return null;
      });
    if (outcome !== null && outcome !== "requeued") {
      await discardUnrecordedImageFiles({
        services: options.services,
        generationId: id,
        job: outcome.job,
        upToAttempt: outcome.job.attempts,
      });
    }
    if (outcome === "requeued") requeued++;
    else if (outcome) finished++;
    if (outcome)
      logger.warn("generation.recovered", {
        generationId: id,
        outcome: outcome === "requeued" ? "requeued" : "finished",
      });
  }
  return { requeued, finished, failed };
}
