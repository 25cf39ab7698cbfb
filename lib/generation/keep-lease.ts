import { errorFields, logger } from "../observability/logger";
import type { Services } from "../services";
import { GENERATIONS } from "./generation-job";

export interface LeaseKeeper {
  /** Aborted when the lease is lost (another worker took the job, or it was finished). */
  signal: AbortSignal;
  stop(): void;
}

/**
 * Renews a job's lease every third of its length while the worker is busy, so an
 * image that takes longer than the lease (a slow provider) does not look like a dead
 * worker. When renewal finds the lease gone, the signal aborts the work in progress.
 */
export function keepLease(options: { services: Services; generationId: string; workerId: string }): LeaseKeeper {
  const { services, generationId, workerId } = options;
  const controller = new AbortController();
  const renew = async () => {
    try {
      const kept = await services.db.runTransaction(async (tx) => {
        const doc = await tx.get(GENERATIONS, generationId);
        if (!doc || doc.data.status !== "running" || doc.data.leaseOwner !== workerId) return false;
        const now = services.clock.now();
        tx.update(GENERATIONS, generationId, {
          leaseExpiresAt: new Date(now.getTime() + services.config.JOB_LEASE_MS).toISOString(),
        });
        return true;
      });
      if (!kept) controller.abort(new Error("lease lost"));
    } catch (error) {
      // A failed renewal is retried at the next tick; the lease itself is the safety net.
      logger.warn("generation.lease_renewal_failed", { generationId, workerId, ...errorFields(error) });
    }
  };
  const timer = setInterval(() => void renew(), Math.max(50, Math.floor(services.config.JOB_LEASE_MS / 3)));
  return { signal: controller.signal, stop: () => clearInterval(timer) };
}
