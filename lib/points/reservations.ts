/**
 * Points held for a generation. Submitting reserves the full price; the job then
 * closes the reservation exactly once: settled for what was made, with the rest
 * released, or released whole on failure, cancel or timeout. Both steps run inside
 * the caller's transaction, after its reads.
 */
import type { Transaction } from "../db/database";
import { AppError } from "../errors/app-error";
import { appendLedgerEntry, type PointAccount } from "./ledger";

import { RESERVATIONS } from "../privacy/data-inventory";

export { RESERVATIONS };

export type ReservationStatus = "held" | "settled" | "released";

export interface Reservation {
  uid: string;
  amount: number;
  /** How many of the held points were bonus points (used last): a release gives them back to where they came from. */
  freeHeld: number;
  charged: number | null;
  status: ReservationStatus;
  createdAt: string;
  closedAt: string | null;
}

export async function readReservation(tx: Transaction, reservationId: string): Promise<Reservation | null> {
  return (await tx.get(RESERVATIONS, reservationId))?.data ?? null;
}

export function reservePoints(
  tx: Transaction,
  options: { account: PointAccount; reservationId: string; amount: number; reason: string; now: Date },
): PointAccount {
  const account = appendLedgerEntry(tx, options.account, {
    uniqueBy: `reserve:${options.reservationId}`,
    kind: "reserve",
    amount: -options.amount,
    reason: options.reason,
    reservationId: options.reservationId,
    now: options.now,
  });
  const reservation: Reservation = {
    uid: options.account.uid,
    amount: options.amount,
    freeHeld: options.account.freeBalance - account.freeBalance,
    charged: null,
    status: "held",
    createdAt: options.now.toISOString(),
    closedAt: null,
  };
  tx.create(RESERVATIONS, options.reservationId, reservation);
  return account;
}

/** Charges `charged` of the held points and gives the rest back. */
export function closeReservation(
  tx: Transaction,
  options: {
    account: PointAccount;
    reservationId: string;
    reservation: Reservation;
    charged: number;
    reason: string;
    now: Date;
  },
): PointAccount {
  const { reservation, charged } = options;
  if (reservation.status !== "held") {
    throw new AppError("INVALID_STATE", "points.reservationClosed", {
      diagnostic: `Reservation ${options.reservationId} is already ${reservation.status}.`,
    });
  }
  if (!Number.isSafeInteger(charged) || charged < 0 || charged > reservation.amount) {
    throw new AppError("INTERNAL", "service.internal", {
      diagnostic: `Cannot charge ${charged} of a ${reservation.amount}-point reservation.`,
    });
  }
  const refund = reservation.amount - charged;
  // What is charged is charged to the paid points first; the rest of each part goes back.
  const paidHeld = reservation.amount - reservation.freeHeld;
  const freeReturned = reservation.freeHeld - Math.max(0, charged - paidHeld);
  const account =
    refund > 0
      ? appendLedgerEntry(tx, options.account, {
          uniqueBy: `release:${options.reservationId}`,
          kind: "release",
          amount: refund,
          freeAmount: freeReturned,
          reason: options.reason,
          reservationId: options.reservationId,
          now: options.now,
        })
      : options.account;
  tx.update(RESERVATIONS, options.reservationId, {
    status: charged > 0 ? "settled" : "released",
    charged,
    closedAt: options.now.toISOString(),
  });
  return account;
}
