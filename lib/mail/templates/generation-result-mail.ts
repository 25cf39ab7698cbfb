import { translator } from "../../i18n/messages";
import type { MailMessage } from "../mailer";
import { appLink, composeMail, type MailRecipient, type MailSite } from "./layout";

export interface GenerationResultMailOptions {
  recipient: MailRecipient;
  site: MailSite;
  generationId: string;
  /** Images made; at least one, or no mail is sent. */
  made: number;
  /** Images asked for; the points of those not made were returned. */
  requested: number;
  requestedAt: Date;
  /** When the images are deleted (their 90 days). */
  expiresAt: Date;
}

/** "Your 3 images are ready", or "2 of your 3 images are ready" with the points of the third returned. */
export function generationResultMail(options: GenerationResultMailOptions): MailMessage {
  const { recipient, made, requested, requestedAt, expiresAt } = options;
  const t = translator({ locale: recipient.locale, namespace: "mail", timeZone: recipient.timeZone });
  const partial = made < requested;
  const paragraphs = partial
    ? [
        t("generationResult.summaryPartial", { made, requested, requestedAt }),
        t("generationResult.returned", { missing: requested - made }),
      ]
    : [t("generationResult.summary", { made, requestedAt })];
  return composeMail({
    kind: "generation-result",
    recipient,
    site: options.site,
    subject: partial
      ? t("generationResult.subjectPartial", { made, requested })
      : t("generationResult.subject", { made }),
    paragraphs: [...paragraphs, t("generationResult.kept", { made, expiresAt })],
    action: {
      label: t("generationResult.action", { made }),
      url: appLink({
        appUrl: options.site.appUrl,
        locale: recipient.locale,
        path: `/generations/${options.generationId}`,
      }),
    },
    reason: t("generationResult.reason"),
  });
}
