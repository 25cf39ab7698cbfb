/**
 * The local worker loop: the same handlers the Cloud Functions triggers call. It
 * sleeps until the work signal says a job or a mail was queued, or a job of its own
 * ends (a slot is free, a result mail queued), and otherwise looks every
 * WORKER_POLL_MS, the safety net for a lost signal. Jobs run side by side up to
 * `concurrency`; recovery and retention sweeps run on their own intervals. Stops
 * cleanly on the abort signal, leaving unfinished jobs to their leases.
 */
import { pollWaitingGenerations } from "../generation/poll-waiting-generations";
import { recoverStalledGenerations } from "../generation/recover-stalled-generations";
import { GENERATIONS } from "../generation/generation-job";
import { runGenerationJob } from "../generation/run-generation-job";
import { ThumbnailBacklog } from "../images/thumbnail-backlog";
import { expireOrders } from "../orders/expire-orders";
import { resumeRefunds } from "../refunds/resume-refunds";
import { recheckUnpaidOrders } from "../orders/recheck-unpaid-orders";
import { purgeExpiredData } from "../privacy/purge-expired-data";
import { deleteUnfinishedSignUps } from "../accounts/delete-unfinished-sign-ups";
import { resumeWithdrawals } from "../withdrawal/resume-withdrawals";
import { prepareDataExports } from "../privacy/prepare-data-exports";
import { deliverMailOutbox } from "../mail/deliver-mail-outbox";
import { errorFields, logger } from "../observability/logger";
import type { Services } from "../services";
import { WakeUps } from "./wake-ups";
import type { WorkKind } from "./work-signal";

export interface WorkerOptions {
  services: Services;
  workerId: string;
  concurrency: number;
  signal: AbortSignal;
  recoverEveryMs?: number;
  purgeEveryMs?: number;
}

const EVERY_KIND: ReadonlySet<WorkKind> = new Set(["generation", "mail"]);

async function guarded(task: string, fn: () => Promise<unknown>): Promise<void> {
  try {
    await fn();
  } catch (error) {
    logger.error("worker.task_failed", { task, ...errorFields(error) });
  }
}

export async function startWorker(options: WorkerOptions): Promise<void> {
  const { services, workerId, signal } = options;
  const { WORKER_POLL_MS } = services.config;
  const recoverEveryMs = options.recoverEveryMs ?? 5_000;
  const purgeEveryMs = options.purgeEveryMs ?? 3_600_000;
  const running = new Map<string, Promise<void>>();
  const wakeUps = new WakeUps();
  // Shared by the jobs, so a job's slot is free once its images are recorded.
  const thumbnails = new ThumbnailBacklog(services);
  const stopListening = services.workSignal.listen((kind) => wakeUps.add(kind));
  let lastPoll = Date.now();
  let lastRecover = 0;
  let lastPurge = 0;
  let due: ReadonlySet<WorkKind> = EVERY_KIND;
  // Mail is sent beside the loop, not in it, so sending never holds up claiming a job.
  const mail: { sending: Promise<void> | null; again: boolean } = { sending: null, again: false };
  const deliverMail = () => {
    if (mail.sending) {
      mail.again = true;
      return;
    }
    mail.sending = guarded("mail", () => deliverMailOutbox({ services })).finally(() => {
      mail.sending = null;
      if (mail.again && !signal.aborted) {
        mail.again = false;
        deliverMail();
      }
    });
  };
  logger.info("worker.started", { workerId, concurrency: options.concurrency });

  while (!signal.aborted) {
    const free = options.concurrency - running.size;
    if (due.has("generation") && free > 0) {
      await guarded("claim", async () => {
        const queued = await services.db.query({
          collection: GENERATIONS,
          where: [{ field: "status", op: "==", value: "queued" }],
          orderBy: [{ field: "createdAt", direction: "asc" }],
          limit: free + running.size,
        });
        for (const { id } of queued) {
          if (running.size >= options.concurrency || running.has(id)) continue;
          const task = guarded("generation", () =>
            runGenerationJob({ services, generationId: id, workerId, thumbnails }),
          ).finally(() => {
            running.delete(id);
            wakeUps.add("generation");
            wakeUps.add("mail");
          });
          running.set(id, task);
        }
      });
    }
    if (due.has("mail")) deliverMail();
    const now = Date.now();
    if (now - lastRecover >= recoverEveryMs) {
      lastRecover = now;
      await guarded("recover", async () => {
        if ((await recoverStalledGenerations({ services })).requeued > 0) wakeUps.add("generation");
      });
      await guarded("poll", () => pollWaitingGenerations({ services }));
      await guarded("expire-orders", () => expireOrders({ services }));
      await guarded("resume-refunds", () => resumeRefunds({ services }));
      await guarded("recheck-orders", () => recheckUnpaidOrders({ services }));
      await guarded("resume-withdrawals", () => resumeWithdrawals({ services }));
      await guarded("data-exports", async () => {
        if ((await prepareDataExports({ services })) > 0) wakeUps.add("mail");
      });
    }
    if (now - lastPurge >= purgeEveryMs) {
      lastPurge = now;
      await guarded("purge", () => purgeExpiredData({ services }));
      await guarded("unfinished-sign-ups", () => deleteUnfinishedSignUps({ services }));
    }
    const nextSweep = Math.min(lastPoll + WORKER_POLL_MS, lastRecover + recoverEveryMs, lastPurge + purgeEveryMs);
    const woken = await wakeUps.next(nextSweep - Date.now(), signal);
    if (Date.now() >= lastPoll + WORKER_POLL_MS) {
      lastPoll = Date.now();
      due = EVERY_KIND;
    } else {
      due = woken;
    }
  }
  stopListening();
  await Promise.allSettled(running.values());
  await mail.sending;
  await thumbnails.settled();
  logger.info("worker.stopped", { workerId });
}
