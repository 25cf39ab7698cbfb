/**
 * The local worker loop: the same handlers the Cloud Functions triggers call, on
 * timers. Jobs run side by side up to `concurrency`; recovery, mail and retention
 * sweeps run on their own intervals. Stops cleanly on the abort signal, leaving
 * unfinished jobs to their leases.
 */
import { pollWaitingGenerations } from "../generation/poll-waiting-generations";
import { recoverStalledGenerations } from "../generation/recover-stalled-generations";
import { GENERATIONS } from "../generation/generation-job";
import { runGenerationJob } from "../generation/run-generation-job";
import { expireOrders } from "../orders/expire-orders";
import { purgeExpiredData } from "../privacy/purge-expired-data";
import { deliverMailOutbox } from "../mail/deliver-mail-outbox";
import { errorFields, logger } from "../observability/logger";
import type { Services } from "../services";

export interface WorkerOptions {
  services: Services;
  workerId: string;
  concurrency: number;
  signal: AbortSignal;
  recoverEveryMs?: number;
  purgeEveryMs?: number;
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const wake = () => {
      clearTimeout(timer);
      signal.removeEventListener("abort", wake);
      resolve();
    };
    const timer = setTimeout(wake, ms);
    signal.addEventListener("abort", wake, { once: true });
  });
}

async function guarded(task: string, fn: () => Promise<unknown>): Promise<void> {
  try {
    await fn();
  } catch (error) {
    logger.error("worker.task_failed", { task, ...errorFields(error) });
  }
}

export async function startWorker(options: WorkerOptions): Promise<void> {
  const { services, workerId, signal } = options;
  const running = new Map<string, Promise<void>>();
  let lastRecover = 0;
  let lastPurge = 0;
  logger.info("worker.started", { workerId, concurrency: options.concurrency });

  while (!signal.aborted) {
    const free = options.concurrency - running.size;
    if (free > 0) {
      await guarded("claim", async () => {
        const queued = await services.db.query({
          collection: GENERATIONS,
          where: [{ field: "status", op: "==", value: "queued" }],
          orderBy: [{ field: "createdAt", direction: "asc" }],
          limit: free + running.size,
        });
        for (const { id } of queued) {
          if (running.size >= options.concurrency || running.has(id)) continue;
          const task = guarded("generation", () => runGenerationJob({ services, generationId: id, workerId })).finally(
            () => running.delete(id),
          );
          running.set(id, task);
        }
      });
    }
    await guarded("mail", () => deliverMailOutbox({ services }));
    const now = Date.now();
    if (now - lastRecover >= (options.recoverEveryMs ?? 5_000)) {
      lastRecover = now;
      await guarded("recover", () => recoverStalledGenerations({ services }));
      await guarded("poll", () => pollWaitingGenerations({ services }));
      await guarded("expire-orders", () => expireOrders({ services }));
    }
    if (now - lastPurge >= (options.purgeEveryMs ?? 3_600_000)) {
      lastPurge = now;
      await guarded("purge", () => purgeExpiredData({ services }));
    }
    await sleep(services.config.WORKER_POLL_MS, signal);
  }
  await Promise.allSettled(running.values());
  logger.info("worker.stopped", { workerId });
}
