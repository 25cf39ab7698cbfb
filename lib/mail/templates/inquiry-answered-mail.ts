import { translator } from "../../i18n/messages";
import type { InquiryKind } from "../../support/support-inquiry";
import type { MailMessage } from "../mailer";
import { appLink, composeMail, type MailRecipient, type MailSite } from "./layout";

export interface InquiryAnsweredMailOptions {
  recipient: MailRecipient;
  site: MailSite;
  kind: InquiryKind;
  sentAt: Date;
  answer: string;
}

/** Staff's answer to an inquiry or complaint, also shown on My page. */
export function inquiryAnsweredMail(options: InquiryAnsweredMailOptions): MailMessage {
  const { recipient, kind, sentAt, answer } = options;
  const t = translator({ locale: recipient.locale, namespace: "mail", timeZone: recipient.timeZone });
  return composeMail({
    kind: "inquiry-answered",
    recipient,
    site: options.site,
    subject: t("inquiry.subject", { kind }),
    paragraphs: [t("inquiry.summary", { kind, sentAt }), answer],
    action: {
      label: t("inquiry.openMyPage"),
      url: appLink({ appUrl: options.site.appUrl, locale: recipient.locale, path: "/my" }),
    },
    reason: t("inquiry.reason"),
  });
}
