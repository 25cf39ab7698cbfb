/**
 * Mail to members is queued in the same transaction as the event it reports, and
 * sent after the commit by deliverMailOutbox. The queue holds no address and no body:
 * the address is looked up (verified only) and the body composed when sending.
 */
import type { Transaction } from "../db/database";

import { MAIL_OUTBOX } from "../privacy/data-inventory";

export { MAIL_OUTBOX };

export type MailTemplate = "generation-result";

export interface OutboxItem {
  uid: string;
  template: MailTemplate;
  refId: string;
  attempts: number;
  createdAt: string;
  nextAttemptAt: string;
}

export function enqueueMail(
  tx: Transaction,
  options: { uid: string; template: MailTemplate; refId: string; now: Date },
): void {
  const item: OutboxItem = {
    uid: options.uid,
    template: options.template,
    refId: options.refId,
    attempts: 0,
    createdAt: options.now.toISOString(),
    nextAttemptAt: options.now.toISOString(),
  };
  // One mail per event: the id is the event, so a retried finish cannot queue it twice.
  tx.set(MAIL_OUTBOX, `${options.template}-${options.refId}`, item);
}
