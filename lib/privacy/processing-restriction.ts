/**
 * Restrictions of processing a member asked for (GDPR arts. 18 and 21, PIPA art. 37),
 * kept as a history: each one is a record with when it started and when it was lifted,
 * never edited otherwise, so what was in force at any moment can be shown.
 *
 * What each kind stops (decided here, listed on My page and in ARCHITECTURE.md):
 * - "restriction": the member's data is only stored. No new generations (a prompt
 *   would go to the image model and moderation providers), no marketing. Mail the law
 *   or the contract requires (payment and refund confirmations, account security) and
 *   the results of generations already running still go out.
 * - "marketing-objection": no marketing mail, whatever the consent says.
 * - "disputed": a correction the member asked for (a privacy request) is pending for
 *   one inventory kind. A disputed profile or sign-in account is not used for
 *   marketing; nothing of either goes to any processor but the address to the mail
 *   provider, for mail the member needs (the name goes to none). Lifted when staff
 *   close the request.
 */
import type { Database } from "../db/database";
import { AppError } from "../errors/app-error";
import { PROCESSING_RESTRICTIONS } from "./data-inventory";

export { PROCESSING_RESTRICTIONS };

export type RestrictionKind = "restriction" | "marketing-objection" | "disputed";

/** The kinds a member starts and lifts alone on My page ("disputed" comes with a correction request). */
export const SELF_SERVED_RESTRICTIONS = ["restriction", "marketing-objection"] as const;
export type SelfServedRestriction = (typeof SELF_SERVED_RESTRICTIONS)[number];

export interface ProcessingRestriction {
  uid: string;
  kind: RestrictionKind;
  /** For "disputed": the inventory kind (DataKind id) whose correction is pending. */
  dataKind: string | null;
  /** For "disputed": the privacy request asking for the correction. */
  requestId: string | null;
  startedAt: string;
  liftedAt: string | null;
}

/** The member's restrictions in force now. */
export async function activeRestrictions(db: Database, uid: string): Promise<ProcessingRestriction[]> {
  const records = await db.query({
    collection: PROCESSING_RESTRICTIONS,
    where: [{ field: "uid", op: "==", value: uid }],
  });
  return records.map((doc) => doc.data).filter((record) => record.liftedAt === null);
}

/** Whether the member restricted processing: nothing new may be done with their data. */
export function isRestricted(restrictions: readonly ProcessingRestriction[]): boolean {
  return restrictions.some((record) => record.kind === "restriction");
}

/** Refuses (PROCESSING_RESTRICTED) anything new done with the data of a member who restricted processing. */
export async function assertProcessingAllowed(db: Database, uid: string): Promise<void> {
  if (isRestricted(await activeRestrictions(db, uid)))
    throw new AppError("PROCESSING_RESTRICTED", "privacy.restricted", {
      diagnostic: `Member ${uid} restricted processing.`,
    });
}
