/** The mail port's factory. */
import { join } from "node:path";
import type { Clock } from "../clock/clock";
import type { ServerConfig } from "../config/env";
import { LocalOutboxMailer } from "./local-outbox-mailer";
import type { Mailer } from "./mailer";
import { SendGridMailer } from "./sendgrid-mailer";

export function createMailer(config: ServerConfig, clock: Clock): Mailer {
  switch (config.MAIL_PROVIDER) {
    case "local-outbox":
      return new LocalOutboxMailer(join(config.DATA_DIR, "mailbox"), config.MAIL_FROM, () => clock.now());
    case "sendgrid":
      return new SendGridMailer({
        // The configuration refuses sendgrid without a key, so it is there.
        apiKey: config.SENDGRID_API_KEY ?? "",
        baseUrl: config.SENDGRID_BASE_URL,
        from: config.MAIL_FROM,
      });
  }
}
