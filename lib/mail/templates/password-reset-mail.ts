import { translator } from "../../i18n/messages";
import type { MailMessage } from "../mailer";
import { appLink, composeMail, type MailRecipient, type MailSite } from "./layout";

export interface PasswordResetMailOptions {
  recipient: MailRecipient;
  site: MailSite;
  /** Firebase's one-time code that lets the holder set a new password. */
  oobCode: string;
  /** When the reset was asked for, shown in the recipient's time zone. */
  requestedAt: Date;
}

export function passwordResetMail(options: PasswordResetMailOptions): MailMessage {
  const { recipient } = options;
  const t = translator({ locale: recipient.locale, namespace: "mail", timeZone: recipient.timeZone });
  const path = `/auth/action?mode=resetPassword&oobCode=${encodeURIComponent(options.oobCode)}`;
  return composeMail({
    kind: "password-reset",
    recipient,
    site: options.site,
    subject: t("passwordReset.subject"),
    paragraphs: [t("passwordReset.requested", { requestedAt: options.requestedAt }), t("passwordReset.notYou")],
    action: {
      label: t("passwordReset.action"),
      url: appLink({ appUrl: options.site.appUrl, locale: recipient.locale, path }),
    },
    reason: t("passwordReset.reason"),
  });
}
