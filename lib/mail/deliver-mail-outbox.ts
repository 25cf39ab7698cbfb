import { GENERATIONS, type GenerationJob } from "../generation/generation-job";
import { errorFields, logger } from "../observability/logger";
import type { Services } from "../services";
import { MAIL_OUTBOX, type OutboxItem } from "./mail-outbox";
import type { MailMessage } from "./mailer";
import { generationResultMail } from "./templates/account-mails";

const MAX_ATTEMPTS = 8;
/** How long a claimed item stays invisible to other senders while it is being sent. */
const CLAIM_MS = 5 * 60_000;

/**
 * Takes an item for this sender: counts the attempt and hides it from other senders
 * (another worker, an overlapping scheduled run) for CLAIM_MS. A sender that dies
 * after sending but before deleting leaves the item to reappear then: mail is sent
 * at least once, and twice only after such a crash.
 */
async function claim(services: Services, id: string): Promise<OutboxItem | null> {
  return services.db.runTransaction(async (tx) => {
    const doc = await tx.get<OutboxItem>(MAIL_OUTBOX, id);
    const now = services.clock.now();
    if (!doc || doc.data.nextAttemptAt > now.toISOString()) return null;
    const claimed = {
      attempts: doc.data.attempts + 1,
      nextAttemptAt: new Date(now.getTime() + CLAIM_MS).toISOString(),
    };
    tx.update(MAIL_OUTBOX, id, claimed);
    return { ...doc.data, ...claimed };
  });
}

async function compose(services: Services, item: OutboxItem, to: string): Promise<MailMessage | null> {
  switch (item.template) {
    case "generation-result": {
      const job = await services.db.get<GenerationJob>(GENERATIONS, item.refId);
      if (!job) return null;
      const link = new URL(`/generations/${item.refId}`, services.config.APP_URL).toString();
      return generationResultMail({ to, link, made: job.data.imageIds.length, requested: job.data.count });
    }
  }
}

/**
 * Sends queued member mail. The address is the member's own, read from the auth
 * provider and used only when verified; never an address from a request. A sent or
 * undeliverable item is deleted, so the queue keeps nothing past delivery.
 */
export async function deliverMailOutbox(options: {
  services: Services;
  limit?: number;
}): Promise<{ sent: number; dropped: number; retried: number }> {
  const { services } = options;
  const now = services.clock.now();
  const due = await services.db.query<OutboxItem>({
    collection: MAIL_OUTBOX,
    where: [{ field: "nextAttemptAt", op: "<=", value: now.toISOString() }],
    limit: options.limit ?? 50,
  });
  let sent = 0;
  let dropped = 0;
  let retried = 0;
  for (const { id } of due) {
    const item = await claim(services, id);
    if (!item) continue;
    const user = await services.auth.getUser(item.uid);
    const message = user?.email && user.emailVerified ? await compose(services, item, user.email) : null;
    if (!message) {
      await services.db.runTransaction(async (tx) => tx.delete(MAIL_OUTBOX, id));
      logger.info("mail.dropped", {
        outboxId: id,
        uid: item.uid,
        reason: user?.emailVerified ? "nothing_to_report" : "address_not_verified",
      });
      dropped++;
      continue;
    }
    try {
      const { messageId } = await services.mailer.send(message);
      await services.db.runTransaction(async (tx) => tx.delete(MAIL_OUTBOX, id));
      logger.info("mail.sent", { outboxId: id, uid: item.uid, messageId });
      sent++;
    } catch (error) {
      logger.warn("mail.failed", { outboxId: id, uid: item.uid, attempts: item.attempts, ...errorFields(error) });
      const retryAt = new Date(services.clock.now().getTime() + 2 ** item.attempts * 30_000).toISOString();
      await services.db.runTransaction(async (tx) =>
        item.attempts >= MAX_ATTEMPTS
          ? tx.delete(MAIL_OUTBOX, id)
          : tx.update(MAIL_OUTBOX, id, { nextAttemptAt: retryAt }),
      );
      retried++;
    }
  }
  return { sent, dropped, retried };
}
