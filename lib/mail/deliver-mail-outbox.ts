import { GENERATIONS, type GenerationJob } from "../generation/generation-job";
import { errorFields, logger } from "../observability/logger";
import type { Services } from "../services";
import { MAIL_OUTBOX, type OutboxItem } from "./mail-outbox";
import type { MailMessage } from "./mailer";
import { generationResultMail } from "./templates/account-mails";

const MAX_ATTEMPTS = 8;

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
export async function deliverMailOutbox(options: { services: Services; limit?: number }): Promise<{ sent: number; dropped: number; retried: number }> {
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
  for (const { id, data } of due) {
    const user = await services.auth.getUser(data.uid);
    const message = user?.email && user.emailVerified ? await compose(services, data, user.email) : null;
    if (!message) {
      await services.db.runTransaction(async (tx) => tx.delete(MAIL_OUTBOX, id));
      logger.info("mail.dropped", { outboxId: id, uid: data.uid, reason: user?.emailVerified ? "nothing_to_report" : "address_not_verified" });
      dropped++;
      continue;
    }
    try {
      const { messageId } = await services.mailer.send(message);
      await services.db.runTransaction(async (tx) => tx.delete(MAIL_OUTBOX, id));
      logger.info("mail.sent", { outboxId: id, uid: data.uid, messageId });
      sent++;
    } catch (error) {
      const attempts = data.attempts + 1;
      logger.warn("mail.failed", { outboxId: id, uid: data.uid, attempts, ...errorFields(error) });
      await services.db.runTransaction(async (tx) =>
        attempts >= MAX_ATTEMPTS
          ? tx.delete(MAIL_OUTBOX, id)
          : tx.update(MAIL_OUTBOX, id, { attempts, nextAttemptAt: new Date(now.getTime() + 2 ** attempts * 30_000).toISOString() }),
      );
      retried++;
    }
  }
  return { sent, dropped, retried };
}
