/**
 * Addresses we stop mailing: SendGrid reported that mail to them bounced, was dropped,
 * or was marked as spam. A suppression holds until the address is confirmed again.
 * When one is recorded, the account that owns the address is marked unconfirmed
 * (receive-sendgrid-events.ts), so the member sees the usual "confirm your address"
 * prompt; an account found confirmed later has been confirmed since, and its
 * suppression is lifted then. Records are keyed by a hash of the address, never the
 * address itself.
 */
import { createHash } from "node:crypto";
import type { Database } from "../db/database";
import { MAIL_PROVIDER_EVENTS, MAIL_SUPPRESSIONS } from "../privacy/data-inventory";

export { MAIL_PROVIDER_EVENTS, MAIL_SUPPRESSIONS };

export type SuppressionReason = "bounce" | "dropped" | "spamreport";

export interface MailSuppression {
  reason: SuppressionReason;
  suppressedAt: string;
  expiresAt: string;
}

/** A provider event we acted on, kept only to recognise it when it is delivered again. */
export interface MailProviderEvent {
  receivedAt: string;
  expiresAt: string;
}

/** A year without a new report: mailboxes come back, and the privacy policy keeps nothing for ever. */
export const MAIL_SUPPRESSION_DAYS = 365;
/** SendGrid retries an undelivered webhook for up to 24 hours; a few days covers every retry. */
export const MAIL_PROVIDER_EVENT_DAYS = 3;

export function mailSuppressionId(address: string): string {
  return createHash("sha256").update(address.trim().toLowerCase()).digest("hex");
}

export interface HoldsMailOptions {
  db: Database;
  address: string;
  /** Whether the account's address is confirmed, as read from the auth provider ... */
  confirmed: boolean;
  /** ... at this time. */
  readAt: Date;
}

/**
 * Whether mail to this address is held. A confirmed address has been confirmed since
 * its suppression, if it was recorded before the account was read (recording one
 * marks the account unconfirmed first), so that suppression is lifted.
 */
export async function holdsMail(options: HoldsMailOptions): Promise<boolean> {
  const id = mailSuppressionId(options.address);
  return options.db.runTransaction(async (tx) => {
    const suppression = await tx.get(MAIL_SUPPRESSIONS, id);
    if (!suppression) return false;
    if (!options.confirmed || suppression.data.suppressedAt > options.readAt.toISOString()) return true;
    tx.delete(MAIL_SUPPRESSIONS, id);
    return false;
  });
}
