/**
 * The frame of every mail: the brand, the message, one clear button, and a footer
 * saying who sent it and why the recipient gets it. A plain-text part carries the
 * same content ("Label: address" for the link, which the local mailbox page reads).
 * The HTML is tables with inline styles, what mail clients render alike.
 */
import type { ServerConfig } from "../../config/env";
import type { Locale } from "../../i18n/locales";
import { translator } from "../../i18n/messages";
import type { MailMessage } from "../mailer";

/** Who a mail goes to and how they read: their language and time zone. */
export interface MailRecipient {
  to: string;
  locale: Locale;
  timeZone: string;
}

/** Where mail links point, and who sends it: the business's name, address and contact (상호, 주소, 연락처). */
export interface MailSite {
  appUrl: string;
  sender: string;
  /** Where members write to us: mail is sent from an address that takes no replies. */
  supportEmail: string;
}

export function mailSite(config: ServerConfig): MailSite {
  return {
    appUrl: config.APP_URL,
    sender: [config.BUSINESS_NAME, config.BUSINESS_ADDRESS, config.BUSINESS_EMAIL].join(" · "),
    supportEmail: config.BUSINESS_EMAIL,
  };
}

/** A page of the app in the recipient's language (`/ko/...`, `/en/...`). */
export function appLink(options: { appUrl: string; locale: Locale; path: string }): string {
  return new URL(`/${options.locale}${options.path}`, options.appUrl).toString();
}

export function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c,
  );
}

export interface MailContent extends Pick<MailMessage, "kind" | "confirmsAddress"> {
  recipient: MailRecipient;
  site: MailSite;
  /** The subject line, repeated as the heading. */
  subject: string;
  paragraphs: string[];
  action: { label: string; url: string };
  /** Why the recipient gets this mail, said in the footer. */
  reason: string;
}

const FONT =
  "-apple-system,BlinkMacSystemFont,'Apple SD Gothic Neo','Malgun Gothic','Noto Sans KR','Segoe UI',sans-serif";
const COLOR = {
  page: "#f7f7fb",
  card: "#ffffff",
  text: "#1b1b2a",
  muted: "#5b5b70",
  line: "#dcdce6",
  accent: "#4338ca",
};

export function composeMail(content: MailContent): MailMessage {
  const t = translator({ locale: content.recipient.locale, namespace: "mail" });
  const brand = t("layout.brand");
  const { label, url } = content.action;
  const footer = [content.reason, t("layout.noReply"), `${brand} · ${content.site.sender}`];

  const text = [brand, content.subject, ...content.paragraphs, `${label}: ${url}`, ["--", ...footer].join("\n")].join(
    "\n\n",
  );

  const e = escapeHtml;
  const paragraphs = content.paragraphs.map((p) => `<p style="margin:0 0 16px">${e(p)}</p>`).join("");
  const html = `<!doctype html>
<html lang="${content.recipient.locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${e(content.subject)}</title></head>
<body style="margin:0;padding:0;background:${COLOR.page}">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="background:${COLOR.page}"><tr><td align="center" style="padding:24px 12px">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="max-width:560px;background:${COLOR.card};border:1px solid ${COLOR.line};border-radius:10px">
<tr><td style="padding:20px 32px;border-bottom:1px solid ${COLOR.line};font:700 20px/1.3 ${FONT};color:${COLOR.accent}">${e(brand)}</td></tr>
<tr><td style="padding:32px;font:16px/1.7 ${FONT};color:${COLOR.text};word-break:keep-all">
<h1 style="margin:0 0 20px;font-size:22px;line-height:1.4">${e(content.subject)}</h1>
${paragraphs}
<table role="presentation" cellpadding="0" cellspacing="0" style="margin:24px 0"><tr><td style="border-radius:8px;background:${COLOR.accent}"><a href="${e(url)}" style="display:inline-block;padding:14px 28px;font:600 16px/1.2 ${FONT};color:#ffffff;text-decoration:none;border-radius:8px">${e(label)}</a></td></tr></table>
<p style="margin:0;font-size:13px;line-height:1.6;color:${COLOR.muted}">${e(t("layout.buttonHint"))}<br><a href="${e(url)}" style="color:${COLOR.accent};word-break:break-all">${e(url)}</a></p>
</td></tr>
<tr><td style="padding:20px 32px;border-top:1px solid ${COLOR.line};font:13px/1.6 ${FONT};color:${COLOR.muted};word-break:keep-all">
${footer.map((line) => `<p style="margin:0 0 6px">${e(line)}</p>`).join("")}
</td></tr>
</table></td></tr></table>
</body></html>`;

  const { kind, confirmsAddress } = content;
  return {
    kind,
    to: content.recipient.to,
    subject: content.subject,
    text,
    html,
    ...(confirmsAddress ? { confirmsAddress } : {}),
  };
}
