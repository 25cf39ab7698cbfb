import { translator } from "../../i18n/messages";
import type { PrivacyRequestKind, PrivacyRequestOutcome } from "../../privacy/privacy-request";
import type { MailMessage } from "../mailer";
import { appLink, composeMail, type MailRecipient, type MailSite } from "./layout";

export interface PrivacyRequestOutcomeMailOptions {
  recipient: MailRecipient;
  site: MailSite;
  kind: PrivacyRequestKind;
  outcome: PrivacyRequestOutcome;
  /** Staff's answer or reason, in their words; none for a request simply carried out. */
  note: string | null;
  receivedAt: Date;
  /** The member's account is being deleted: the link goes to the home page, not to My page. */
  accountDeleted: boolean;
}

/**
 * The answer to a privacy request (PIPA arts. 35 to 38): what was asked, what was done
 * or why not, and where to turn if the member disagrees.
 */
export function privacyRequestOutcomeMail(options: PrivacyRequestOutcomeMailOptions): MailMessage {
  const { recipient, kind, outcome, note, receivedAt } = options;
  const t = translator({ locale: recipient.locale, namespace: "mail", timeZone: recipient.timeZone });
  const path = options.accountDeleted ? "" : "/my";
  return composeMail({
    kind: "privacy-request-outcome",
    recipient,
    site: options.site,
    subject: t("privacyRequest.subject"),
    paragraphs: [
      // ICU select keys cannot hold a hyphen ("consent-withdrawal").
      t("privacyRequest.summary", { kind: kind.replaceAll("-", "_"), receivedAt }),
      t("privacyRequest.outcome", { outcome }),
      ...(note === null ? [] : [note]),
      t("privacyRequest.disagree"),
    ],
    action: {
      label: options.accountDeleted ? t("privacyRequest.openSite") : t("privacyRequest.openMyPage"),
      url: appLink({ appUrl: options.site.appUrl, locale: recipient.locale, path }),
    },
    reason: t("privacyRequest.reason"),
  });
}
