/**
 * The mail port. Messages are composed by our templates and handed over whole; the
 * adapter keeps no copy of a body after delivery.
 */
import { AppError } from "../errors/app-error";

/** Which mail this is: the only thing about a message a provider may keep for its statistics. */
export type MailKind =
  | "verify-email"
  | "password-reset"
  | "generation-result"
  | "purchase-confirmation"
  | "refund-confirmation"
  | "refund-rejected"
  | "data-export-ready"
  | "privacy-request-outcome"
  | "inquiry-answered";

export interface MailMessage {
  kind: MailKind;
  to: string;
  subject: string;
  text: string;
  html: string;
  /**
   * The recipient asked for this mail to prove the address is theirs: it must reach an
   * address that bounced before, since that is how the address is confirmed again.
   */
  confirmsAddress?: boolean;
}

export interface Mailer {
  /** Resolves with the provider's id of the accepted message, or rejects with MailNotSent. */
  send(message: MailMessage): Promise<{ messageId: string }>;
}

export interface MailNotSentOptions {
  /** "never": the provider refused this message as it is, so sending it again cannot help. */
  retry: "later" | "never";
  /** When the provider said it will take mail again (a rate limit's reset). */
  retryAfter?: Date;
  /** The provider's status and error fields, never the address or the body. */
  diagnostic: string;
}

/** The provider did not take the message. */
export class MailNotSent extends AppError {
  readonly retry: "later" | "never";
  readonly retryAfter: Date | undefined;

  constructor(options: MailNotSentOptions) {
    super("PROVIDER_FAILED", "service.mailFailed", { diagnostic: options.diagnostic });
    this.name = "MailNotSent";
    this.retry = options.retry;
    this.retryAfter = options.retryAfter;
  }
}
