/**
 * Abuse records: the inventory's fraud/abuse kind, kept one year (internal policy).
 * A record holds what staff need to see a pattern, and not the prompt itself: its
 * hash (the same prompt tried again, or from another account, hashes the same), the
 * categories it fell under, who and when.
 */
import { ABUSE_RECORDS } from "../privacy/data-inventory";
import type { ModerationSource, RefusalCategory } from "../moderation/prompt-moderator";

export { ABUSE_RECORDS };

export const ABUSE_RECORD_RETENTION_DAYS = 365;

export interface AbuseRecord {
  uid: string;
  kind: "repeated-prompt-refusals";
  /** SHA-256 of the refused prompt, hex. */
  promptHash: string;
  categories: RefusalCategory[];
  source: ModerationSource;
  /** Refusals of this member within the counting window, this one included. */
  refusalsInWindow: number;
  createdAt: string;
  expiresAt: string;
}
