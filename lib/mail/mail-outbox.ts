/**
 * Mail is queued in the same transaction as the event it reports, and sent after
 * the commit by deliverMailOutbox. The queue holds no body, and an address only where
 * there is no account to read it from:
 * - member mail names the member (uid); the address is looked up, verified only,
 *   when sending;
 * - a password reset names the address typed into the form, which may belong to no
 *   account. Looking it up while answering would make the answer slower for
 *   addresses that have one, so the sender does the lookup, and the item (the only
 *   place that address is stored) is deleted once sent, dropped or given up.
 */
import { createHash } from "node:crypto";
import type { MailKind } from "./mailer";
import type { Transaction } from "../db/database";
import type { Locale } from "../i18n/locales";

import { MAIL_OUTBOX } from "../privacy/data-inventory";

export { MAIL_OUTBOX };

/** Mail about a member's own events, sent to their verified address: every kind but the two sent before there is one. */
export type MemberMailTemplate = Exclude<MailKind, "verify-email" | "password-reset">;

interface QueuedMail {
  attempts: number;
  createdAt: string;
  nextAttemptAt: string;
}

export interface MemberMailItem extends QueuedMail {
  template: MemberMailTemplate;
  uid: string;
  refId: string;
}

export interface PasswordResetItem extends QueuedMail {
  template: "password-reset";
  email: string;
  /** The language of the request, for an address without a member (whose own language comes first). */
  locale: Locale;
}

export type OutboxItem = MemberMailItem | PasswordResetItem;

export interface EnqueueMailOptions {
  uid: string;
  template: MemberMailTemplate;
  refId: string;
  now: Date;
}

function fresh(now: Date): QueuedMail {
  return { attempts: 0, createdAt: now.toISOString(), nextAttemptAt: now.toISOString() };
}

export function enqueueMail(tx: Transaction, options: EnqueueMailOptions): void {
  const item: MemberMailItem = {
    uid: options.uid,
    template: options.template,
    refId: options.refId,
    ...fresh(options.now),
  };
  // One mail per event: the id is the event, so a retried finish cannot queue it twice.
  tx.set(MAIL_OUTBOX, `${options.template}-${options.refId}`, item);
}

/** The queue id of an address's password reset: a hash, so the id says nothing of the address. */
export function passwordResetOutboxId(email: string): string {
  return `password-reset-${createHash("sha256").update(email.toLowerCase()).digest("hex").slice(0, 40)}`;
}

export interface QueuePasswordResetOptions {
  email: string;
  locale: Locale;
  now: Date;
}

/**
 * Queues a password reset for `email`: one item per address, so asking again before
 * it is sent sends one mail. It reads the waiting item now and answers the write, to
 * be called after the transaction's other reads (a transaction reads before it
 * writes). The write happens in every case, unchanged when an item is waiting, so a
 * request does the same work whatever the address.
 */
export async function queuePasswordReset(tx: Transaction, options: QueuePasswordResetOptions): Promise<() => void> {
  const id = passwordResetOutboxId(options.email);
  const waiting = (await tx.get(MAIL_OUTBOX, id))?.data;
  const item: PasswordResetItem =
    waiting?.template === "password-reset"
      ? waiting
      : {
          template: "password-reset",
          email: options.email.toLowerCase(),
          locale: options.locale,
          ...fresh(options.now),
        };
  return () => tx.set(MAIL_OUTBOX, id, item);
}
