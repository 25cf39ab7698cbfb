import { z } from "zod";
import { consumeRateLimits, PASSWORD_RESET_PER_ADDRESS, PASSWORD_RESET_PER_CLIENT } from "../abuse/rate-limit";
import { passwordResetMail } from "../mail/templates/account-mails";
import { logger } from "../observability/logger";
import type { Services } from "../services";

export const passwordResetInput = z.object({ email: z.email("Enter a valid email address").max(254) });

export interface SendPasswordResetOptions {
  services: Services;
  input: unknown;
  /** The requesting client's rate-limit key (lib/abuse/client-key.ts). */
  client: string;
}

/**
 * Mails a password-reset link when the address belongs to an account. The caller
 * answers the same either way, so the form cannot be used to find out who has an
 * account.
 */
export async function sendPasswordReset(options: SendPasswordResetOptions): Promise<void> {
  const { auth, mailer, config } = options.services;
  const { email } = passwordResetInput.parse(options.input);
  // Counted for every address alike, so a refusal says nothing about who has an account.
  await consumeRateLimits({
    services: options.services,
    uses: [
      { rule: PASSWORD_RESET_PER_CLIENT, key: options.client },
      { rule: PASSWORD_RESET_PER_ADDRESS, key: email },
    ],
  });
  const user = await auth.findUserByEmail(email);
  if (!user?.email) {
    logger.info("password_reset.unknown_address");
    return;
  }
  const code = await auth.passwordResetCode(user.email);
  const link = new URL(
    `/auth/action?mode=resetPassword&oobCode=${encodeURIComponent(code)}`,
    config.APP_URL,
  ).toString();
  await mailer.send(passwordResetMail({ to: user.email, link }));
  logger.info("password_reset.sent", { uid: user.uid });
}
