import { translator } from "../../i18n/messages";
import type { MailMessage } from "../mailer";
import { appLink, composeMail, type MailRecipient, type MailSite } from "./layout";

export interface VerifyEmailMailOptions {
  recipient: MailRecipient;
  site: MailSite;
  /** Firebase's one-time code that confirms the address. */
  oobCode: string;
}

export function verifyEmailMail(options: VerifyEmailMailOptions): MailMessage {
  const { recipient } = options;
  const t = translator({ locale: recipient.locale, namespace: "mail", timeZone: recipient.timeZone });
  const path = `/auth/action?mode=verifyEmail&oobCode=${encodeURIComponent(options.oobCode)}`;
  return composeMail({
    kind: "verify-email",
    confirmsAddress: true,
    recipient,
    site: options.site,
    subject: t("verifyEmail.subject"),
    paragraphs: [t("verifyEmail.welcome"), t("verifyEmail.notYou")],
    action: {
      label: t("verifyEmail.action"),
      url: appLink({ appUrl: options.site.appUrl, locale: recipient.locale, path }),
    },
    reason: t("verifyEmail.reason"),
  });
}
