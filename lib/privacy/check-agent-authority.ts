import { z } from "zod";
import { AppError } from "../errors/app-error";
import type { Services } from "../services";
import type { StaffActor } from "../staff/staff-actor";
import { humanText } from "../text/human-text";
import { PRIVACY_REQUESTS, type PrivacyRequest } from "./privacy-request";

const documentChecked = z.string().trim().min(1).max(500);

export const checkAgentAuthorityInput = z.discriminatedUnion("decision", [
  z.object({ decision: z.literal("verified"), document: documentChecked }),
  z.object({
    decision: z.literal("refused"),
    document: documentChecked,
    reason: humanText({ field: "reason", maxLength: 2000 }),
  }),
]);

export interface CheckAgentAuthorityOptions {
  services: Services;
  actor: StaffActor;
  requestId: string;
  input: unknown;
}

/**
 * Records staff's check of an agent's power of attorney (PIPA art. 38; enforcement
 * decree art. 45): the documents checked and whether they prove the agent may act,
 * or why not. Nothing is done for an agent before this (execute-privacy-request.ts).
 * The same decision again changes nothing; a different one is refused.
 */
export async function checkAgentAuthority(
  options: CheckAgentAuthorityOptions,
): Promise<{ id: string } & PrivacyRequest> {
  const { db } = options.services;
  const input = checkAgentAuthorityInput.parse(options.input);
  return db.runTransaction(async (tx) => {
    const request = await tx.get(PRIVACY_REQUESTS, options.requestId);
    if (!request) throw new AppError("NOT_FOUND", "privacy.requestNotFound");
    const { agentCheck } = request.data;
    if (agentCheck === null) throw new AppError("INVALID_STATE", "privacy.noAgent");
    if (agentCheck === input.decision) return { id: request.id, ...request.data };
    if (agentCheck !== "pending") throw new AppError("INVALID_STATE", "privacy.agentAlreadyChecked");
    if (request.data.status === "closed") throw new AppError("INVALID_STATE", "privacy.requestClosed");
    const checked = {
      agentCheck: input.decision,
      agentDocument: input.document,
      agentRefusalReason: input.decision === "refused" ? input.reason : null,
      agentCheckedBy: options.actor.uid,
    };
    tx.update(PRIVACY_REQUESTS, request.id, checked);
    return { id: request.id, ...request.data, ...checked };
  });
}
