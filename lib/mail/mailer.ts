/**
 * The mail port. Messages are composed by our templates and handed over whole; the
 * adapter keeps no copy of a body after delivery.
 */
export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
}

export interface Mailer {
  send(message: MailMessage): Promise<{ messageId: string }>;
}
