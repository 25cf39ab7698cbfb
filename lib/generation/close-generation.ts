import type { Transaction } from "../db/database";
import { AppError } from "../errors/app-error";
import { enqueueMail } from "../mail/mail-outbox";
import { logger } from "../observability/logger";
import { readPointAccount } from "../points/ledger";
import { closeReservation, readReservation } from "../points/reservations";
import { plural } from "../text/plural";
import { GENERATIONS, type GenerationJob, type GenerationStatus } from "./generation-job";

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
 * show. A job without its reservation cannot be settled: that is reported (logged,
 * INTERNAL) and the job is left as it is, never closed without its points.
 */
export async function closeGeneration(options: CloseGenerationOptions): Promise<GenerationStatus> {
  const { tx, id, job, now } = options;
  const reservation = await readReservation(tx, id);
  const account = await readPointAccount(tx, job.uid);
  if (!reservation) {
    logger.error("generation.reservation_missing", { generationId: id, uid: job.uid, status: job.status });
    throw new AppError("INTERNAL", `Generation ${id} has no reservation.`);
  }
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
