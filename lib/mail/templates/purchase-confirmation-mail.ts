import { translator } from "../../i18n/messages";
import type { Currency } from "../../payments/payment-provider";
import type { MailMessage } from "../mailer";
import { appLink, composeMail, type MailRecipient, type MailSite } from "./layout";
import { formatAmount } from "./format-amount";

export interface PurchaseConfirmationMailOptions {
  recipient: MailRecipient;
  site: MailSite;
  orderId: string;
  points: number;
  /** In the currency's smallest unit: won, or US cents. */
  amount: number;
  currency: Currency;
  paidAt: Date;
  /** The payment provider's receipt page, when it gave one. */
  receiptUrl: string | null;
}

/** "Payment received": the order, what was paid, the points added, and the provider's receipt. */
export function purchaseConfirmationMail(options: PurchaseConfirmationMailOptions): MailMessage {
  const { recipient, points, paidAt } = options;
  const t = translator({ locale: recipient.locale, namespace: "mail", timeZone: recipient.timeZone });
  const amount = formatAmount(recipient.locale, options.amount, options.currency);
  const order = options.orderId.slice(0, 8);
  const pointsPage = appLink({ appUrl: options.site.appUrl, locale: recipient.locale, path: "/points" });
  return composeMail({
    kind: "purchase-confirmation",
    recipient,
    site: options.site,
    subject: t("purchase.subject", { points }),
    paragraphs: [
      t("purchase.summary", { amount, points, paidAt }),
      t("purchase.order", { order }),
      options.receiptUrl ? t("purchase.orders", { url: pointsPage }) : t("purchase.noReceipt"),
    ],
    action: options.receiptUrl
      ? { label: t("purchase.receipt"), url: options.receiptUrl }
      : { label: t("purchase.points"), url: pointsPage },
    reason: t("purchase.reason"),
  });
}
