import { runRateLimited, VERIFICATION_MAIL_PER_ACCOUNT, VERIFICATION_MAIL_PER_CLIENT } from "../abuse/rate-limit";
import { AppError } from "../errors/app-error";
import { verifyEmailMail } from "../mail/templates/account-mails";
import type { Services } from "../services";

export interface SendVerificationEmailOptions {
  services: Services;
  uid: string;
  /** The requesting client's rate-limit key (lib/abuse/client-key.ts). */
  client: string;
}

/** Mails the signed-in user a link that confirms their own address. */
export async function sendVerificationEmail(options: SendVerificationEmailOptions): Promise<void> {
  const { auth, mailer, config } = options.services;
  const user = await auth.getUser(options.uid);
  if (!user?.email) throw new AppError("NOT_FOUND", "account.noEmail");
  if (user.emailVerified) throw new AppError("INVALID_STATE", "account.emailAlreadyConfirmed");
  const email = user.email;
  const uses = [
    { rule: VERIFICATION_MAIL_PER_CLIENT, key: options.client },
    { rule: VERIFICATION_MAIL_PER_ACCOUNT, key: options.uid },
  ];
  await runRateLimited({ services: options.services, uses }, async () => {
    const code = await auth.emailVerificationCode(email);
    const link = new URL(`/auth/action?mode=verifyEmail&oobCode=${encodeURIComponent(code)}`, config.APP_URL);
    await mailer.send(verifyEmailMail({ to: email, link: link.toString() }));
  });
}
