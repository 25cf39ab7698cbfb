import { z } from "zod";
import type { Transaction } from "../db/database";
import { AppError } from "../errors/app-error";
import { enqueueMail } from "../mail/mail-outbox";
import type { Services } from "../services";
import type { StaffActor } from "../staff/staff-actor";
import { humanText } from "../text/human-text";
import { PROCESSING_RESTRICTIONS } from "./processing-restriction";
import {
  PRIVACY_REQUEST_OUTCOMES,
  PRIVACY_REQUESTS,
  type PrivacyRequest,
  type PrivacyRequestAction,
  type PrivacyRequestOutcome,
} from "./privacy-request";

export const closePrivacyRequestInput = z.object({
  /** "completed" for a request done outside the console (an access answered by letter). */
  outcome: z.enum(PRIVACY_REQUEST_OUTCOMES),
  /** What the requester is told: required to refuse or to answer. */
  note: humanText({ field: "answer", maxLength: 5000 }).nullable().default(null),
});

export interface ClosePrivacyRequestOptions {
  services: Services;
  actor: StaffActor;
  requestId: string;
  input: unknown;
}

/** An agent's request may be carried out only once their power of attorney was verified (PIPA art. 38). */
export function isAgentUnverified(request: PrivacyRequest): boolean {
  return request.agentCheck === "pending" || request.agentCheck === "refused";
}

export interface Closing {
  actor: StaffActor;
  outcome: PrivacyRequestOutcome;
  note: string | null;
  executedAction: PrivacyRequestAction | null;
  now: Date;
  /** False when the member is told by other means (their account is being deleted). */
  mailMember: boolean;
}

/**
 * Reads what closing the request changes, then answers the function that writes it
 * (a transaction reads before it writes): the request closed with its outcome, the
 * dispute its correction started lifted (the data is used again only once the request
 * is closed), and the member's mail queued in the same commit.
 */
export async function prepareClosing(
  tx: Transaction,
  request: { id: string; data: PrivacyRequest },
): Promise<(closing: Closing) => void> {
  const { uid } = request.data;
  const disputes =
    uid === null
      ? []
      : await tx.query({ collection: PROCESSING_RESTRICTIONS, where: [{ field: "uid", op: "==", value: uid }] });
  return (closing) => {
    const now = closing.now.toISOString();
    tx.update(PRIVACY_REQUESTS, request.id, {
      status: "closed",
      closedAt: now,
      closedBy: closing.actor.uid,
      outcome: closing.outcome,
      outcomeNote: closing.note,
      executedAction: closing.executedAction,
    });
    for (const dispute of disputes)
      if (dispute.data.requestId === request.id && dispute.data.liftedAt === null)
        tx.update(PROCESSING_RESTRICTIONS, dispute.id, { liftedAt: now });
    if (uid !== null && closing.mailMember)
      enqueueMail(tx, { uid, template: "privacy-request-outcome", refId: request.id, now: closing.now });
  };
}

/**
 * Closes a request with its outcome (staff): refused or answered with what the
 * requester is told, or completed when it was carried out by other means; the member
 * is mailed the outcome. What the console carries out itself goes through
 * execute-privacy-request.ts, which closes the request too. Closing a closed request
 * changes nothing.
 */
export async function closePrivacyRequest(
  options: ClosePrivacyRequestOptions,
): Promise<{ id: string } & PrivacyRequest> {
  const { db, clock } = options.services;
  const input = closePrivacyRequestInput.parse(options.input);
  if (input.outcome !== "completed" && input.note === null)
    throw new AppError("VALIDATION_FAILED", "privacy.noteRequired", { fields: { note: "privacy.noteRequired" } });
  const now = clock.now();
  await db.runTransaction(async (tx) => {
    const request = await tx.get(PRIVACY_REQUESTS, options.requestId);
    if (!request) throw new AppError("NOT_FOUND", "privacy.requestNotFound");
    if (request.data.status === "closed") return;
    if (input.outcome === "completed" && isAgentUnverified(request.data))
      throw new AppError("INVALID_STATE", "privacy.agentNotVerified");
    const close = await prepareClosing(tx, request);
    close({
      actor: options.actor,
      outcome: input.outcome,
      note: input.note,
      executedAction: null,
      now,
      mailMember: true,
    });
  });
  const closed = await db.get(PRIVACY_REQUESTS, options.requestId);
  if (!closed) throw new AppError("NOT_FOUND", "privacy.requestNotFound");
  return { id: closed.id, ...closed.data };
}
