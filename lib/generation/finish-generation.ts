/**
 * Closes a generation inside the caller's transaction (after its reads): charges
 * only the images made, releases the rest of the reservation exactly once, and
 * queues the result mail when there is something to show.
 */
import type { Transaction } from "../db/database";
import { enqueueMail } from "../mail/mail-outbox";
import type { PointAccount } from "../points/ledger";
import { closeReservation, type Reservation } from "../points/reservations";
import { plural } from "../text/plural";
import { GENERATIONS, type GenerationJob, type GenerationStatus } from "./generation-job";

export function finishGeneration(
  tx: Transaction,
  options: {
    id: string;
    job: GenerationJob;
    reservation: Reservation;
    account: PointAccount;
    errorCode: string | null;
    now: Date;
  },
): GenerationStatus {
  const { job } = options;
  const made = job.imageIds.length;
  const charged = (job.pointsReserved / job.count) * made;
  const status: GenerationStatus = made === job.count ? "succeeded" : made > 0 ? "partial" : "failed";
  const reason =
    status === "succeeded"
      ? `Generation done: ${plural(made, "image")}`
      : status === "partial"
        ? `Returned for ${plural(job.count - made, "image")} of ${job.count} not made`
        : "Returned: the generation failed";
  if (options.reservation.status === "held") {
    closeReservation(tx, {
      account: options.account,
      reservationId: options.id,
      reservation: options.reservation,
      charged,
      reason,
      now: options.now,
    });
  }
  tx.update(GENERATIONS, options.id, {
    status,
    pointsCharged: charged,
    leaseOwner: null,
    leaseExpiresAt: null,
    errorCode: status === "succeeded" ? null : (options.errorCode ?? "images_failed"),
    updatedAt: options.now.toISOString(),
    finishedAt: options.now.toISOString(),
  });
  if (made > 0) enqueueMail(tx, { uid: job.uid, template: "generation-result", refId: options.id, now: options.now });
  return status;
}
