/**
 * The legal-hold store: records of a former member that the law makes us keep
 * (contracts, payments, refunds, the points ledger, abuse and access records), moved out of the
 * live collections on withdrawal, the member's uid replaced by a keyed pseudonym, each
 * with the date its legal period ends. Nothing in the product reads them but staff
 * answering a legal request, and the sweeper that destroys them on time.
 */
import type { JsonValue } from "../db/database";

import { LEGAL_HOLD } from "./data-inventory";

export { LEGAL_HOLD };

export interface LegalHoldRecord {
  /** The inventory kind the record came from (e.g. "orders"). */
  kind: string;
  /** HMAC-SHA256 of the member's uid under LEGAL_HOLD_KEY. */
  subject: string;
  /** HMAC-SHA256 of the original document id (some ids are derived from the uid). */
  originalId: string;
  /** The original record, every occurrence of the uid replaced by `subject`. */
  record: { [field: string]: JsonValue };
  heldAt: string;
  holdUntil: string;
}
