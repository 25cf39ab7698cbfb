import { randomUUID } from "node:crypto";
import { z } from "zod";
import { AppError } from "../errors/app-error";
import { MEMBERS } from "../accounts/members";
import type { Services } from "../services";
import {
  PROCESSING_RESTRICTIONS,
  SELF_SERVED_RESTRICTIONS,
  type ProcessingRestriction,
  type SelfServedRestriction,
} from "./processing-restriction";

export const setProcessingRestrictionInput = z.object({
  kind: z.enum(SELF_SERVED_RESTRICTIONS),
  active: z.boolean(),
});

export interface SetProcessingRestrictionOptions {
  services: Services;
  uid: string;
  input: unknown;
}

export interface ProcessingRestrictionState {
  kind: SelfServedRestriction;
  active: boolean;
  /** When the one in force started, or null. */
  since: string | null;
}

/**
 * Restricts processing or objects to marketing (active: true), or lifts it (false),
 * from My page. Starting one already in force, or lifting one that is not, changes
 * nothing: the record of when it started stays the first one.
 */
export async function setProcessingRestriction(
  options: SetProcessingRestrictionOptions,
): Promise<ProcessingRestrictionState> {
  const { db, clock } = options.services;
  const input = setProcessingRestrictionInput.parse(options.input);
  const now = clock.now().toISOString();
  const newRecordId = randomUUID();
  return db.runTransaction(async (tx) => {
    if (!(await tx.get(MEMBERS, options.uid))) throw new AppError("ACCOUNT_INCOMPLETE", "account.incomplete");
    const inForce = (
      await tx.query({
        collection: PROCESSING_RESTRICTIONS,
        where: [{ field: "uid", op: "==", value: options.uid }],
      })
    ).filter((doc) => doc.data.kind === input.kind && doc.data.liftedAt === null);
    if (input.active) {
      const current = inForce[0];
      if (current) return { kind: input.kind, active: true, since: current.data.startedAt };
      const record: ProcessingRestriction = {
        uid: options.uid,
        kind: input.kind,
        dataKind: null,
        requestId: null,
        startedAt: now,
        liftedAt: null,
      };
      tx.create(PROCESSING_RESTRICTIONS, newRecordId, record);
      return { kind: input.kind, active: true, since: now };
    }
    for (const doc of inForce) tx.update(PROCESSING_RESTRICTIONS, doc.id, { liftedAt: now });
    return { kind: input.kind, active: false, since: null };
  });
}
