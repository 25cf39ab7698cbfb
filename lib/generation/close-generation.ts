import type { Transaction } from "../db/database";
import { enqueueMail } from "../mail/mail-outbox";
import { logger } from "../observability/logger";
import { readPointAccount } from "../points/ledger";
import { closeReservation, readReservation } from "../points/reservations";
import { plural } from "../text/plural";
import { GENERATIONS, type GenerationJob, type GenerationStatus } from "./generation-job";

/** The error code of a job closed without its reservation (nothing was charged or returned). */
export const RESERVATION_MISSING = "reservation_missing";

export interface CloseGenerationOptions {
  /** The caller's transaction, in which the job was read and nothing written yet. */
  tx: Transaction;
  id: string;
  job: GenerationJob;
  errorCode: string | null;
  now: Date;
}

/**
 * Ends a generation: the one way the worker, recovery and cancel close a job. Inside
 * the caller's transaction it charges only the images made, releases the rest of the
 * reservation exactly once, and queues the result mail when there is something to
 * show. A job without its reservation has no points held to settle or release: it is
 * still closed, as failed ("reservation_missing") with nothing charged and no points
 * moved, and reported (an error, logged by id), so it never stays open forever, holds
 * up the recovery of other jobs, or outlives its retention.
 */
export async function closeGeneration(options: CloseGenerationOptions): Promise<GenerationStatus> {
  const { tx, id, job, now } = options;
  const reservation = await readReservation(tx, id);
  if (!reservation) {
    logger.error("generation.reservation_missing", { generationId: id, uid: job.uid, status: job.status });
    tx.update(GENERATIONS, id, {
      status: "failed",
      pointsCharged: 0,
      leaseOwner: null,
      leaseExpiresAt: null,
      errorCode: RESERVATION_MISSING,
      updatedAt: now.toISOString(),
      finishedAt: now.toISOString(),
    });
    return "failed";
  }
  const account = await readPointAccount(tx, job.uid);
  const made = job.imageIds.length;
  const charged = (job.pointsReserved / job.count) * made;
  const status: GenerationStatus = made === job.count ? "succeeded" : made > 0 ? "partial" : "failed";
  const reason =
    status === "succeeded"
      ? `Generation done: ${plural(made, "image")}`
      : status === "partial"
        ? `Returned for ${plural(job.count - made, "image")} of ${job.count} not made`
        : "Returned: the generation failed";
  if (reservation.status === "held") {
    closeReservation(tx, { account, reservationId: id, reservation, charged, reason, now });
  }
  tx.update(GENERATIONS, id, {
    status,
    pointsCharged: charged,
    leaseOwner: null,
    leaseExpiresAt: null,
    errorCode: status === "succeeded" ? null : (options.errorCode ?? "images_failed"),
    updatedAt: now.toISOString(),
    finishedAt: now.toISOString(),
  });
  if (made > 0) enqueueMail(tx, { uid: job.uid, template: "generation-result", refId: id, now });
  return status;
}
