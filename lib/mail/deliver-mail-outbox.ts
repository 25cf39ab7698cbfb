import { GENERATIONS } from "../generation/generation-job";
import { DEFAULT_LOCALE, isLocale } from "../i18n/locales";
import { ORDERS } from "../orders/order";
import { errorFields, logger } from "../observability/logger";
import type { Services } from "../services";
import { MAIL_OUTBOX, type OutboxItem } from "./mail-outbox";
import { holdsMail } from "./mail-suppression";
import { MailNotSent, type MailMessage } from "./mailer";
import { mailRecipient } from "./mail-recipient";
import { generationResultMail } from "./templates/generation-result-mail";
import { mailSite } from "./templates/layout";
import { passwordResetMail } from "./templates/password-reset-mail";
import { purchaseConfirmationMail } from "./templates/purchase-confirmation-mail";
import { refundConfirmationMail } from "./templates/refund-confirmation-mail";
import { refundRejectedMail } from "./templates/refund-rejected-mail";
import { dataExportReadyMail } from "./templates/data-export-ready-mail";
import { DATA_EXPORTS } from "../privacy/data-export";
import { REFUNDS } from "../refunds/refund";
import { PRIVACY_REQUESTS } from "../privacy/privacy-request";
import { privacyRequestOutcomeMail } from "./templates/privacy-request-outcome-mail";
import { SUPPORT_INQUIRIES } from "../support/support-inquiry";
import { inquiryAnsweredMail } from "./templates/inquiry-answered-mail";

const MAX_ATTEMPTS = 8;
/** How long a claimed item stays invisible to other senders while it is being sent. */
const CLAIM_MS = 5 * 60_000;

/**
 * Takes an item for this sender: counts the attempt and hides it from other senders
 * (another worker, an overlapping scheduled run) for CLAIM_MS. A sender that dies
 * after sending but before deleting leaves the item to reappear then: mail is sent
 * at least once, and twice only after such a crash. An item that has had its last
 * attempt (its senders kept dying) is deleted instead of tried again.
 */
async function claim(services: Services, id: string): Promise<{ item: OutboxItem; givenUp: boolean } | null> {
  return services.db.runTransaction(async (tx) => {
    const doc = await tx.get(MAIL_OUTBOX, id);
    const now = services.clock.now();
    if (!doc || doc.data.nextAttemptAt > now.toISOString()) return null;
    if (doc.data.attempts >= MAX_ATTEMPTS) {
      tx.delete(MAIL_OUTBOX, id);
      return { item: doc.data, givenUp: true };
    }
    const claimed = {
      attempts: doc.data.attempts + 1,
      nextAttemptAt: new Date(now.getTime() + CLAIM_MS).toISOString(),
    };
    tx.update(MAIL_OUTBOX, id, claimed);
    return { item: { ...doc.data, ...claimed }, givenUp: false };
  });
}

type Composed = { message: MailMessage; uid: string } | { dropped: string; uid?: string };

/**
 * The mail for an item, with the recipient read from the auth provider: a member's
 * own verified address, or for a password reset the account the typed address
 * belongs to; in the member's language and time zone as stored now. Nothing to send (no such account, an unverified address, a job that is
 * gone) is a reason to drop the item, and so is an address we stopped mailing
 * (mail-suppression.ts) that has not been confirmed again.
 */
async function compose(services: Services, item: OutboxItem): Promise<Composed> {
  const { db, auth, config } = services;
  const readAt = services.clock.now();
  switch (item.template) {
    case "generation-result": {
      const address = await memberAddress(services, item.uid, readAt);
      if ("dropped" in address) return address;
      const job = await db.get(GENERATIONS, item.refId);
      if (!job) return { dropped: "nothing_to_report", uid: item.uid };
      const recipient = await mailRecipient({ db, uid: item.uid, to: address.email, fallbackLocale: DEFAULT_LOCALE });
      const message = generationResultMail({
        recipient,
        site: mailSite(config),
        generationId: item.refId,
        made: job.data.imageIds.length,
        requested: job.data.count,
        requestedAt: new Date(job.data.createdAt),
        expiresAt: new Date(job.data.expiresAt),
      });
      return { message, uid: item.uid };
    }
    case "purchase-confirmation": {
      const address = await memberAddress(services, item.uid, readAt);
      if ("dropped" in address) return address;
      const order = await db.get(ORDERS, item.refId);
      if (!order?.data.paidAt) return { dropped: "nothing_to_report", uid: item.uid };
      const recipient = await mailRecipient({ db, uid: item.uid, to: address.email, fallbackLocale: DEFAULT_LOCALE });
      const message = purchaseConfirmationMail({
        recipient,
        site: mailSite(config),
        orderId: item.refId,
        points: order.data.points,
        amount: order.data.amount,
        currency: order.data.currency,
        paidAt: new Date(order.data.paidAt),
        receiptUrl: order.data.receiptUrl,
      });
      return { message, uid: item.uid };
    }
    case "refund-confirmation": {
      const address = await memberAddress(services, item.uid, readAt);
      if ("dropped" in address) return address;
      const refund = await db.get(REFUNDS, item.refId);
      if (refund?.data.status !== "succeeded" || !refund.data.completedAt)
        return { dropped: "nothing_to_report", uid: item.uid };
      const recipient = await mailRecipient({ db, uid: item.uid, to: address.email, fallbackLocale: DEFAULT_LOCALE });
      const message = refundConfirmationMail({
        recipient,
        site: mailSite(config),
        orderId: refund.data.orderId,
        amount: refund.data.amount,
        currency: refund.data.currency,
        points: refund.data.points,
        refundedAt: new Date(refund.data.completedAt),
        madeAtProvider: refund.data.origin === "provider" || refund.data.origin === "dispute",
      });
      return { message, uid: item.uid };
    }
    case "refund-rejected": {
      const address = await memberAddress(services, item.uid, readAt);
      if ("dropped" in address) return address;
      const refund = await db.get(REFUNDS, item.refId);
      if (refund?.data.status !== "rejected" || !refund.data.decisionReason)
        return { dropped: "nothing_to_report", uid: item.uid };
      const recipient = await mailRecipient({ db, uid: item.uid, to: address.email, fallbackLocale: DEFAULT_LOCALE });
      const message = refundRejectedMail({
        recipient,
        site: mailSite(config),
        orderId: refund.data.orderId,
        requestedAt: new Date(refund.data.requestedAt),
        reason: refund.data.decisionReason,
      });
      return { message, uid: item.uid };
    }
    case "data-export-ready": {
      const address = await memberAddress(services, item.uid, readAt);
      if ("dropped" in address) return address;
      const dataExport = await db.get(DATA_EXPORTS, item.refId);
      if (dataExport?.data.status !== "ready" || !dataExport.data.expiresAt)
        return { dropped: "nothing_to_report", uid: item.uid };
      const recipient = await mailRecipient({ db, uid: item.uid, to: address.email, fallbackLocale: DEFAULT_LOCALE });
      const message = dataExportReadyMail({
        recipient,
        site: mailSite(config),
        expiresAt: new Date(dataExport.data.expiresAt),
      });
      return { message, uid: item.uid };
    }
    case "privacy-request-outcome": {
      const address = await memberAddress(services, item.uid, readAt);
      if ("dropped" in address) return address;
      const request = await db.get(PRIVACY_REQUESTS, item.refId);
      if (!request?.data.outcome) return { dropped: "nothing_to_report", uid: item.uid };
      const recipient = await mailRecipient({ db, uid: item.uid, to: address.email, fallbackLocale: DEFAULT_LOCALE });
      const message = privacyRequestOutcomeMail({
        recipient,
        site: mailSite(config),
        kind: request.data.kind,
        outcome: request.data.outcome,
        note: request.data.outcomeNote,
        receivedAt: new Date(request.data.receivedAt),
        accountDeleted: false,
      });
      return { message, uid: item.uid };
    }
    case "inquiry-answered": {
      const address = await memberAddress(services, item.uid, readAt);
      if ("dropped" in address) return address;
      const inquiry = await db.get(SUPPORT_INQUIRIES, item.refId);
      if (!inquiry?.data.answer) return { dropped: "nothing_to_report", uid: item.uid };
      const recipient = await mailRecipient({ db, uid: item.uid, to: address.email, fallbackLocale: DEFAULT_LOCALE });
      const message = inquiryAnsweredMail({
        recipient,
        site: mailSite(config),
        kind: inquiry.data.kind,
        sentAt: new Date(inquiry.data.createdAt),
        answer: inquiry.data.answer,
      });
      return { message, uid: item.uid };
    }
    case "password-reset": {
      const user = await auth.findUserByEmail(item.email);
      if (!user?.email) return { dropped: "no_account" };
      // Anyone can type an address into the form: one that bounced or reported spam
      // gets no reset mail until its member confirms it again while signed in.
      if (await holdsMail({ db, address: user.email, confirmed: user.emailVerified, readAt }))
        return { dropped: "address_suppressed", uid: user.uid };
      const oobCode = await auth.passwordResetCode(user.email);
      // Items queued before the request's language was stored have none.
      const fallbackLocale = isLocale(item.locale) ? item.locale : DEFAULT_LOCALE;
      const recipient = await mailRecipient({ db, uid: user.uid, to: user.email, fallbackLocale });
      const message = passwordResetMail({
        recipient,
        site: mailSite(config),
        oobCode,
        requestedAt: new Date(item.createdAt),
      });
      return { message, uid: user.uid };
    }
  }
}

/** The member's address, when it is confirmed and we still mail it. */
export async function memberAddress(
  services: Services,
  uid: string,
  readAt: Date,
): Promise<{ email: string } | { dropped: string; uid: string }> {
  const user = await services.auth.getUser(uid);
  if (!user?.email || !user.emailVerified) return { dropped: "address_not_verified", uid };
  if (await holdsMail({ db: services.db, address: user.email, confirmed: true, readAt }))
    return { dropped: "address_suppressed", uid };
  return { email: user.email };
}

/**
 * What a log line may say about an item: the member and the queue id of member
 * mail; for a password reset only the template, since its id is a hash of an
 * address someone typed.
 */
function described(id: string, item: OutboxItem, uid?: string): Record<string, string> {
  const fields: Record<string, string> = { template: item.template };
  if (item.template !== "password-reset") fields.outboxId = id;
  if (uid) fields.uid = uid;
  return fields;
}

export interface DeliverMailOutboxOptions {
  services: Services;
  limit?: number;
}

/**
 * Sends queued mail. The address is read from the auth provider, never taken from a
 * request: the member's own, used only when verified, or the account a password
 * reset was asked for. A sent or undeliverable item is deleted, and one that failed
 * its last attempt too, so the queue keeps nothing past delivery; a message the
 * provider refuses as it is (MailNotSent "never") is not tried again.
 */
export async function deliverMailOutbox(
  options: DeliverMailOutboxOptions,
): Promise<{ sent: number; dropped: number; retried: number }> {
  const { services } = options;
  const now = services.clock.now();
  const due = await services.db.query({
    collection: MAIL_OUTBOX,
    where: [{ field: "nextAttemptAt", op: "<=", value: now.toISOString() }],
    limit: options.limit ?? 50,
  });
  let sent = 0;
  let dropped = 0;
  let retried = 0;
  const remove = (id: string) => services.db.runTransaction(async (tx) => tx.delete(MAIL_OUTBOX, id));
  for (const { id } of due) {
    const claimed = await claim(services, id);
    if (!claimed) continue;
    const { item } = claimed;
    if (claimed.givenUp) {
      logger.warn("mail.given_up", { ...described(id, item), attempts: item.attempts });
      dropped++;
      continue;
    }
    try {
      const composed = await compose(services, item);
      if ("dropped" in composed) {
        await remove(id);
        logger.info("mail.dropped", { ...described(id, item, composed.uid), reason: composed.dropped });
        dropped++;
        continue;
      }
      const { messageId } = await services.mailer.send(composed.message);
      await remove(id);
      logger.info("mail.sent", { ...described(id, item, composed.uid), messageId });
      sent++;
    } catch (error) {
      if (error instanceof MailNotSent && error.retry === "never") {
        await remove(id);
        logger.warn("mail.refused", { ...described(id, item), ...errorFields(error) });
        dropped++;
        continue;
      }
      const last = item.attempts >= MAX_ATTEMPTS;
      logger.warn(last ? "mail.given_up" : "mail.failed", {
        ...described(id, item),
        attempts: item.attempts,
        ...errorFields(error),
      });
      const backoff = services.clock.now().getTime() + 2 ** item.attempts * 30_000;
      const providerReady = error instanceof MailNotSent ? (error.retryAfter?.getTime() ?? 0) : 0;
      const retryAt = new Date(Math.max(backoff, providerReady)).toISOString();
      await services.db.runTransaction(async (tx) =>
        last ? tx.delete(MAIL_OUTBOX, id) : tx.update(MAIL_OUTBOX, id, { nextAttemptAt: retryAt }),
      );
      retried++;
    }
  }
  return { sent, dropped, retried };
}
