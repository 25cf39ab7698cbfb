import { translator } from "../../i18n/messages";
import type { MailMessage } from "../mailer";
import { appLink, composeMail, type MailRecipient, type MailSite } from "./layout";

export interface RefundRejectedMailOptions {
  recipient: MailRecipient;
  site: MailSite;
  orderId: string;
  requestedAt: Date;
  /** Staff's reason, in their words. */
  reason: string;
}

/** "Refund not approved": which request, staff's reason, and where to ask again or complain. */
export function refundRejectedMail(options: RefundRejectedMailOptions): MailMessage {
  const { recipient } = options;
  const t = translator({ locale: recipient.locale, namespace: "mail", timeZone: recipient.timeZone });
  return composeMail({
    kind: "refund-rejected",
    recipient,
    site: options.site,
    subject: t("refundRejected.subject"),
    paragraphs: [
      t("refundRejected.summary", { requestedAt: options.requestedAt, order: options.orderId.slice(0, 8) }),
      t("refundRejected.reasonGiven"),
      options.reason,
      t("refundRejected.next", { email: options.site.supportEmail }),
    ],
    action: {
      label: t("refundRejected.openMyPage"),
      url: appLink({ appUrl: options.site.appUrl, locale: recipient.locale, path: "/my" }),
    },
    reason: t("refundRejected.why"),
  });
}
