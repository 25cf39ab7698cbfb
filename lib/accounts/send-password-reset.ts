import { z } from "zod";
import { countRateLimitedUse, PASSWORD_RESET_PER_ADDRESS, PASSWORD_RESET_PER_CLIENT } from "../abuse/rate-limit";
import { errorKey } from "../errors/error-messages";
import type { Locale } from "../i18n/locales";
import { queuePasswordReset } from "../mail/mail-outbox";
import type { Services } from "../services";

export const passwordResetInput = z.object({ email: z.email(errorKey("validation.email")).max(254) });

export interface SendPasswordResetOptions {
  services: Services;
  input: unknown;
  /** The requesting client's rate-limit key (lib/abuse/client-key.ts). */
  client: string;
  /** The request's language: the mail's, unless the address belongs to a member with their own. */
  requestLocale: Locale;
}

/**
 * Queues a password-reset mail for the address; the sender (deliver-mail-outbox.ts)
 * mails the link only if the address belongs to an account. Nothing here depends on
 * whether it does: the same counters and the same queue write, in one transaction,
 * for every address, so neither the answer nor its timing tells who has an account.
 */
export async function sendPasswordReset(options: SendPasswordResetOptions): Promise<void> {
  const { db, clock } = options.services;
  const { email } = passwordResetInput.parse(options.input);
  await db.runTransaction(async (tx) => {
    const now = clock.now();
    const count = await countRateLimitedUse(tx, {
      uses: [
        { rule: PASSWORD_RESET_PER_CLIENT, key: options.client },
        { rule: PASSWORD_RESET_PER_ADDRESS, key: email },
      ],
      now,
    });
    const queue = await queuePasswordReset(tx, { email, locale: options.requestLocale, now });
    count();
    queue();
  });
  options.services.workSignal.notify("mail");
}
