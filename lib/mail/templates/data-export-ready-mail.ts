import { translator } from "../../i18n/messages";
import type { MailMessage } from "../mailer";
import { appLink, composeMail, type MailRecipient, type MailSite } from "./layout";

export interface DataExportReadyMailOptions {
  recipient: MailRecipient;
  site: MailSite;
  /** When the archive is deleted. */
  expiresAt: Date;
}

/**
 * "Your data is ready": where to download it and until when. The mail carries no link
 * to the file itself, only to My page, where only the signed-in member can download it.
 */
export function dataExportReadyMail(options: DataExportReadyMailOptions): MailMessage {
  const { recipient, expiresAt } = options;
  const t = translator({ locale: recipient.locale, namespace: "mail", timeZone: recipient.timeZone });
  const myPage = appLink({ appUrl: options.site.appUrl, locale: recipient.locale, path: "/my" });
  return composeMail({
    kind: "data-export-ready",
    recipient,
    site: options.site,
    subject: t("dataExport.subject"),
    paragraphs: [t("dataExport.summary", { expiresAt }), t("dataExport.signIn")],
    action: { label: t("dataExport.download"), url: myPage },
    reason: t("dataExport.reason"),
  });
}
