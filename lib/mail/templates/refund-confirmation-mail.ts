import { translator } from "../../i18n/messages";
import type { Currency } from "../../payments/payment-provider";
import type { MailMessage } from "../mailer";
import { formatAmount } from "./format-amount";
import { appLink, composeMail, type MailRecipient, type MailSite } from "./layout";

export interface RefundConfirmationMailOptions {
  recipient: MailRecipient;
  site: MailSite;
  orderId: string;
  /** In the currency's smallest unit: won, or US cents. */
  amount: number;
  currency: Currency;
  /** Points taken back with the refund. */
  points: number;
  refundedAt: Date;
  /** A refund made at the provider or a chargeback, rather than one the member asked us for. */
  madeAtProvider: boolean;
}

/** "Refund made": the order, the money going back, the points taken back, and where to see it. */
export function refundConfirmationMail(options: RefundConfirmationMailOptions): MailMessage {
  const { recipient, points, refundedAt } = options;
  const t = translator({ locale: recipient.locale, namespace: "mail", timeZone: recipient.timeZone });
  const amount = formatAmount(recipient.locale, options.amount, options.currency);
  const pointsPage = appLink({ appUrl: options.site.appUrl, locale: recipient.locale, path: "/points" });
  return composeMail({
    kind: "refund-confirmation",
    recipient,
    site: options.site,
    subject: t("refund.subject", { amount }),
    paragraphs: [
      t("refund.summary", { amount, refundedAt, points }),
      t("refund.order", { order: options.orderId.slice(0, 8) }),
      options.madeAtProvider ? t("refund.atProvider", { email: options.site.supportEmail }) : t("refund.timing"),
    ],
    action: { label: t("refund.points"), url: pointsPage },
    reason: t("refund.reason"),
  });
}
