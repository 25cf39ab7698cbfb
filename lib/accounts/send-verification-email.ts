import { runRateLimited, VERIFICATION_MAIL_PER_ACCOUNT, VERIFICATION_MAIL_PER_CLIENT } from "../abuse/rate-limit";
import { AppError } from "../errors/app-error";
import type { Locale } from "../i18n/locales";
import { mailRecipient } from "../mail/mail-recipient";
import { mailSite } from "../mail/templates/layout";
import { verifyEmailMail } from "../mail/templates/verify-email-mail";
import type { Services } from "../services";

export interface SendVerificationEmailOptions {
  services: Services;
  uid: string;
  /** The requesting client's rate-limit key (lib/abuse/client-key.ts). */
  client: string;
  /** The request's language, for a user who has not completed sign-up (a member's own comes first). */
  requestLocale: Locale;
}

/** Mails the signed-in user a link that confirms their own address. */
export async function sendVerificationEmail(options: SendVerificationEmailOptions): Promise<void> {
  const { auth, db, mailer, config } = options.services;
  const user = await auth.getUser(options.uid);
  if (!user?.email) throw new AppError("NOT_FOUND", "account.noEmail");
  if (user.emailVerified) throw new AppError("INVALID_STATE", "account.emailAlreadyConfirmed");
  const email = user.email;
  const uses = [
    { rule: VERIFICATION_MAIL_PER_CLIENT, key: options.client },
    { rule: VERIFICATION_MAIL_PER_ACCOUNT, key: options.uid },
  ];
  await runRateLimited({ services: options.services, uses }, async () => {
    const oobCode = await auth.emailVerificationCode(email);
    const recipient = await mailRecipient({ db, uid: options.uid, to: email, fallbackLocale: options.requestLocale });
    await mailer.send(verifyEmailMail({ recipient, site: mailSite(config), oobCode }));
  });
}
