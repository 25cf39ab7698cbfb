/**
 * A privacy request the member could not serve alone on My page: received by email or
 * post, brought by an agent with a power of attorney (PIPA art. 38), or filed on My
 * page for what My page cannot do (a correction of records the member cannot edit,
 * anything else). Each is answered within the legal deadline, which the staff queue
 * orders by.
 */
import { addDays } from "../clock/clock";
import type { Transaction } from "../db/database";
import { DATA_INVENTORY, PRIVACY_REQUESTS, PROCESSING_RESTRICTIONS } from "./data-inventory";

export { PRIVACY_REQUESTS };

/** PIPA enforcement decree arts. 41(4), 42(2), 43(3) and 44(2): answered within 10 days of receipt. */
export const PRIVACY_REQUEST_DEADLINE_DAYS = 10;

export const PRIVACY_REQUEST_KINDS = [
  "access",
  "correction",
  "deletion",
  "restriction",
  "objection",
  "portability",
  "consent-withdrawal",
  "other",
] as const;
export type PrivacyRequestKind = (typeof PRIVACY_REQUEST_KINDS)[number];

export const PRIVACY_REQUEST_CHANNELS = ["my-page", "email", "post", "phone", "in-person"] as const;
export type PrivacyRequestChannel = (typeof PRIVACY_REQUEST_CHANNELS)[number];

/**
 * What staff may do on the member's behalf, each through the use case My page uses
 * (execute-privacy-request.ts): an export, a correction of the name, a restriction or
 * objection, a deletion (the withdrawal).
 */
export const PRIVACY_REQUEST_ACTIONS = ["export", "correct-name", "restrict", "object", "delete"] as const;
export type PrivacyRequestAction = (typeof PRIVACY_REQUEST_ACTIONS)[number];

/** How a request ended: done as asked, refused (with the reason told), or answered (a question, nothing to carry out). */
export const PRIVACY_REQUEST_OUTCOMES = ["completed", "refused", "answered"] as const;
export type PrivacyRequestOutcome = (typeof PRIVACY_REQUEST_OUTCOMES)[number];

/** An agent's power of attorney (PIPA art. 38): to be checked before anything is done for them. */
export type AgentCheck = "pending" | "verified" | "refused";

export interface PrivacyRequest {
  /** The member it concerns, once identified (a letter may come from someone not yet matched to an account). */
  uid: string | null;
  kind: PrivacyRequestKind;
  channel: PrivacyRequestChannel;
  /** For a correction: the inventory kind (DataKind id) said to be wrong. */
  dataKind: string | null;
  /** What was asked, in the requester's words. */
  details: string;
  /** Who asked, as they gave it (name, address or email), for a request not made on My page. */
  requesterName: string | null;
  requesterContact: string | null;
  /** The agent's name when an agent asked with a power of attorney (PIPA art. 38; enforcement decree art. 45). */
  agentName: string | null;
  /** Null without an agent; pending until staff have checked the power of attorney. */
  agentCheck: AgentCheck | null;
  /** The documents staff checked (the power of attorney, the principal's ID), as they describe them. */
  agentDocument: string | null;
  /** Why the power of attorney was refused, as told to the requester. */
  agentRefusalReason: string | null;
  /** The staff member who checked it. */
  agentCheckedBy: string | null;
  receivedAt: string;
  dueAt: string;
  status: "open" | "closed";
  closedAt: string | null;
  /** What staff carried out for the member, once done. */
  executedAction: PrivacyRequestAction | null;
  outcome: PrivacyRequestOutcome | null;
  /** What staff told the requester (the answer, or the reason for a refusal). */
  outcomeNote: string | null;
  /** The staff member who closed it. */
  closedBy: string | null;
}

/** The fields of a request nobody has worked on yet, given whether an agent brought it. */
export function unworkedRequest(agentName: string | null) {
  return {
    agentCheck: agentName === null ? null : ("pending" as const),
    agentDocument: null,
    agentRefusalReason: null,
    agentCheckedBy: null,
    status: "open" as const,
    closedAt: null,
    executedAction: null,
    outcome: null,
    outcomeNote: null,
    closedBy: null,
  } satisfies Partial<PrivacyRequest>;
}

/** When a request received at `receivedAt` must be answered. */
export function privacyRequestDueAt(receivedAt: string): string {
  return addDays(new Date(receivedAt), PRIVACY_REQUEST_DEADLINE_DAYS).toISOString();
}

/** The kinds of data a request may name: the inventory's own ids. */
export function isInventoryKind(id: string): boolean {
  return DATA_INVENTORY.some((kind) => kind.id === id);
}

/**
 * Writes a new request in the transaction; a correction for an identified member also
 * marks the data disputed (processing-restriction.ts) until the request is closed, so
 * that while it is pending the disputed data is not used.
 */
export function writePrivacyRequest(
  tx: Transaction,
  ids: { requestId: string; restrictionId: string },
  request: PrivacyRequest,
): void {
  tx.create(PRIVACY_REQUESTS, ids.requestId, request);
  if (request.kind === "correction" && request.uid !== null && request.dataKind !== null) {
    tx.create(PROCESSING_RESTRICTIONS, ids.restrictionId, {
      uid: request.uid,
      kind: "disputed",
      dataKind: request.dataKind,
      requestId: ids.requestId,
      startedAt: request.receivedAt,
      liftedAt: null,
    });
  }
}
