/**
 * Moving a withdrawn member's records into the legal hold (legal-hold-record.ts), and
 * the pseudonyms that replace the uid there. The pseudonym is HMAC-SHA256 under
 * LEGAL_HOLD_KEY, a key configured apart from the data and used for nothing else: whoever
 * holds the database alone cannot link a held record to anyone, and staff with the key
 * can still answer a court or a tax audit about a named person.
 */
import { PRIVACY_REQUESTS } from "./privacy-request";
import { createHmac } from "node:crypto";
import { periodEnd } from "../clock/korean-calendar";
import type { ServerConfig } from "../config/env";
import type { Database, Filter, JsonValue } from "../db/database";
import type { StoredRecord } from "../db/collection";
import { databaseError } from "../db/database-error";
import {
  ABUSE_RECORDS,
  ACCESS_RECORDS,
  ORDERS,
  POINT_ACCOUNTS,
  POINT_ENTRIES,
  REFUNDS,
  RESERVATIONS,
  SUPPORT_INQUIRIES,
  type InventoriedCollection,
  type Retention,
} from "./data-inventory";
import { LEGAL_HOLD, type LegalHoldRecord } from "./legal-hold-record";

/** Local mode only (production refuses to start without LEGAL_HOLD_KEY): never protects real data. */
const LOCAL_DEVELOPMENT_KEY = "imagesfactory-local-development-legal-hold-key";

export function legalHoldKey(config: Pick<ServerConfig, "LEGAL_HOLD_KEY" | "APP_MODE">): string {
  if (config.LEGAL_HOLD_KEY) return config.LEGAL_HOLD_KEY;
  if (config.APP_MODE === "production") throw new Error("LEGAL_HOLD_KEY is not set.");
  return LOCAL_DEVELOPMENT_KEY;
}

function hmac(key: string, value: string): string {
  return createHmac("sha256", key).update(value).digest("hex");
}

/** The pseudonym of a member in the legal hold (and the id of their withdrawal record). */
export function memberPseudonym(key: string, uid: string): string {
  return hmac(key, `member\u0000${uid}`);
}

function recordPseudonym(key: string, kind: string, id: string): string {
  return hmac(key, `record\u0000${kind}\u0000${id}`);
}

/** Where a record of the inventory kind `kind` with id `id` lies in the legal hold once moved. */
export function heldRecordId(key: string, kind: string, id: string): string {
  return `${kind}-${recordPseudonym(key, kind, id)}`;
}

/**
 * Whether a record was moved into the hold by a finished withdrawal: all a caller may
 * learn of it (a repeated deletion finds its request there), never its content.
 */
export async function isHeld(options: { db: Database; key: string; kind: string; id: string }): Promise<boolean> {
  return (await options.db.get(LEGAL_HOLD, heldRecordId(options.key, options.kind, options.id))) !== null;
}

/** Every string in the value with the uid replaced by the pseudonym (ids and reasons may embed it). */
function pseudonymise(value: JsonValue, uid: string, subject: string): JsonValue {
  if (typeof value === "string") return value.split(uid).join(subject);
  if (Array.isArray(value)) return value.map((item) => pseudonymise(item, uid, subject));
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, pseudonymise(v, uid, subject)]));
  }
  return value;
}

export function retentionEnd(retention: Retention, start: string): string {
  if (retention.kind === "years" || retention.kind === "months" || retention.kind === "days")
    return periodEnd(new Date(start), retention).toISOString();
  throw new Error(`A ${retention.kind} retention has no end date to hold a record until.`);
}

interface HeldKind<T extends StoredRecord<T> & { uid: string | null }> {
  collection: InventoriedCollection<T>;
  /** When the record's legal period starts (the inventory's `retention.from`). */
  heldFrom: (record: T) => string;
}

function held<T extends StoredRecord<T> & { uid: string | null }>(kind: HeldKind<T>) {
  return {
    collection: kind.collection,
    move: (options: MoveOptions) => moveKind(kind, options),
  };
}

/**
 * Every kind kept after a withdrawal that names the member. Welcome grants are kept
 * where they are: they name no member (their id is a hash of the address) and must stay
 * readable to refuse a second welcome (welcome-points.ts).
 */
export const HELD_KINDS = [
  held({ collection: ORDERS, heldFrom: (order) => order.createdAt }),
  held({ collection: REFUNDS, heldFrom: (refund) => refund.requestedAt }),
  held({ collection: POINT_ENTRIES, heldFrom: (entry) => entry.createdAt }),
  held({ collection: POINT_ACCOUNTS, heldFrom: (account) => account.updatedAt }),
  held({ collection: RESERVATIONS, heldFrom: (reservation) => reservation.closedAt ?? reservation.createdAt }),
  held({ collection: ABUSE_RECORDS, heldFrom: (record) => record.createdAt }),
  held({ collection: ACCESS_RECORDS, heldFrom: (record) => record.occurredAt }),
  held({ collection: PRIVACY_REQUESTS, heldFrom: (request) => request.closedAt ?? request.receivedAt }),
  held({ collection: SUPPORT_INQUIRIES, heldFrom: (inquiry) => inquiry.answeredAt ?? inquiry.createdAt }),
];

export interface MoveOptions {
  db: Database;
  key: string;
  uid: string;
  now: Date;
}

/** Documents moved per transaction: each is two writes (the held copy, the deletion). */
const MOVE_PAGE = 100;

/**
 * Moves every record of one kind naming the member: the held copy and the deletion of
 * the original in one transaction, so a record is never lost nor left in both places,
 * and a run cut short simply moves what is left.
 */
async function moveKind<T extends StoredRecord<T> & { uid: string | null }>(
  kind: HeldKind<T>,
  options: MoveOptions,
): Promise<number> {
  const { collection } = kind;
  const subject = memberPseudonym(options.key, options.uid);
  let moved = 0;
  for (;;) {
    const count = await options.db.runTransaction(async (tx) => {
      const page = await tx.query({
        collection,
        // T's uid is a string for every held kind; the compiler cannot see that through the generic.
        where: [{ field: "uid", op: "==", value: options.uid } as Filter<T>],
        limit: MOVE_PAGE,
      });
      for (const { id, data } of page) {
        const originalId = recordPseudonym(options.key, collection.kind.id, id);
        const heldRecord: LegalHoldRecord = {
          kind: collection.kind.id,
          subject,
          originalId,
          record: pseudonymise(data, options.uid, subject) as LegalHoldRecord["record"],
          heldAt: options.now.toISOString(),
          holdUntil: retentionEnd(collection.kind.retention, kind.heldFrom(data)),
        };
        if (JSON.stringify(heldRecord).includes(options.uid)) {
          throw databaseError("DATABASE_REFUSED", `A held ${collection.kind.id} record would still name its member.`);
        }
        tx.set(LEGAL_HOLD, heldRecordId(options.key, collection.kind.id, id), heldRecord);
        tx.delete(collection, id);
      }
      return page.length;
    });
    moved += count;
    if (count < MOVE_PAGE) return moved;
  }
}
