/**
 * The mail port on SendGrid's v3 Mail Send API (POST /v3/mail/send), through the
 * official @sendgrid/mail client. SendGrid answers 202 with an empty body and the
 * message's id in X-Message-Id: that id is all we keep. SendGrid keeps categories
 * and custom args long-term and readable by its staff, so a message carries only its
 * kind as a category and nothing else about the member.
 */
import { Client } from "@sendgrid/client";
import { MailService } from "@sendgrid/mail";
import { MailNotSent, type MailMessage, type Mailer } from "./mailer";

export interface SendGridMailerOptions {
  apiKey: string;
  /** https://api.sendgrid.com, or a stand-in's address in tests. */
  baseUrl: string;
  /** The sender, as MAIL_FROM gives it ("Name <address>"). */
  from: string;
  timeoutMs?: number;
}

/** Well below the outbox's claim on an item (minutes), so a stuck call never outlives it. */
const DEFAULT_TIMEOUT_MS = 15_000;

/** What a rejected call carries, as the client (axios underneath) sets it. */
interface ProviderAnswer {
  code?: unknown;
  response?: { headers?: Record<string, unknown>; body?: unknown };
}

export class SendGridMailer implements Mailer {
  /** Our own instances: the modules' defaults are process-wide, shared with whoever else imports them. */
  private readonly service = new MailService();

  constructor(private readonly options: SendGridMailerOptions) {
    const client = new Client();
    client.setApiKey(options.apiKey);
    // setApiKey sets the base URL to the region's, so ours comes after it.
    client.setDefaultRequest("baseUrl", options.baseUrl);
    this.service.setClient(client);
    this.service.setTimeout(options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  }

  async send(message: MailMessage): Promise<{ messageId: string }> {
    let response;
    try {
      [response] = await this.service.send({
        from: this.options.from,
        to: message.to,
        subject: message.subject,
        text: message.text,
        html: message.html,
        categories: [message.kind],
        // SendGrid's own bounce list would drop the very mail that confirms the address again.
        ...(message.confirmsAddress ? { mailSettings: { bypassBounceManagement: { enable: true } } } : {}),
      });
    } catch (error) {
      throw notSent(error);
    }
    const messageId = header(response.headers as Record<string, unknown>, "x-message-id");
    if (response.statusCode !== 202 || !messageId)
      throw new MailNotSent({
        retry: "later",
        diagnostic: `SendGrid answered ${response.statusCode} without a message id`,
      });
    return { messageId };
  }
}

function header(headers: Record<string, unknown> | undefined, name: string): string | undefined {
  const value = Object.entries(headers ?? {}).find(([key]) => key.toLowerCase() === name)?.[1];
  return typeof value === "string" && value.trim() !== "" ? value.trim() : undefined;
}

/** The fields SendGrid's error answer names (`{errors: [{message, field, help}]}`); messages may quote an address. */
function errorFieldNames(body: unknown): string {
  const errors = (body as { errors?: unknown } | null)?.errors;
  if (!Array.isArray(errors)) return "";
  const fields = errors.map((e) => (e as { field?: unknown }).field).filter((f) => typeof f === "string");
  return fields.length > 0 ? ` (fields: ${fields.join(", ")})` : "";
}

/**
 * SendGrid's answer as our retry rule: a 400 or 413 is this message refused as it is,
 * so it is never sent again. Any other refusal is about our account, not the message
 * (401 a revoked key, 403 a sender identity not verified): the outbox keeps the mail
 * and tries later, so a key rotated badly loses no mail. 429 waits for the rate
 * limit's reset; 5xx and network failures try again later.
 */
function notSent(error: unknown): MailNotSent {
  const answer = error as ProviderAnswer;
  const status = typeof answer.code === "number" ? answer.code : undefined;
  if (status === undefined) {
    const code = typeof answer.code === "string" ? answer.code : "no answer";
    return new MailNotSent({ retry: "later", diagnostic: `SendGrid unreachable (${code})` });
  }
  const fields = errorFieldNames(answer.response?.body);
  if (status === 429) {
    const reset = Number(header(answer.response?.headers, "x-ratelimit-reset"));
    return new MailNotSent({
      retry: "later",
      ...(Number.isFinite(reset) && reset > 0 ? { retryAfter: new Date(reset * 1000) } : {}),
      diagnostic: "SendGrid rate limit (429)",
    });
  }
  return new MailNotSent({
    retry: status === 400 || status === 413 ? "never" : "later",
    diagnostic: `SendGrid answered ${status}${fields}`,
  });
}
