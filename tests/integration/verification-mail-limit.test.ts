/**
 * A confirmation mail that could not be sent does not count against the member's
 * limit: retrying through a mail outage must not lock them out for the hour.
 */
import { randomUUID } from "node:crypto";
import { describe, it } from "vitest";
import { sendVerificationEmail } from "../../lib/accounts/send-verification-email";
import { getServerConfig } from "../../lib/config/env";
import { AppError } from "../../lib/errors/app-error";
import type { Mailer } from "../../lib/mail/mailer";
import { createServices, getServices } from "../../lib/services";
import { expectAppError } from "../support/app-error-thrown";
import { signUpUser } from "../support/firebase-users";

const services = getServices();
const mailServiceDown: Mailer = {
  send: () =>
    Promise.reject(
      new AppError("PROVIDER_FAILED", "service.internal", { diagnostic: "The mail service did not answer." }),
    ),
};
const offline = createServices(getServerConfig(), { db: services.db, auth: services.auth, mailer: mailServiceDown });

describe("the confirmation-mail limit", () => {
  it("gives back the use of a mail that failed, and still stops the sixth one sent", async () => {
    const user = await signUpUser();
    // A client of its own, so other tests' mail does not count here.
    const client = `client-${randomUUID()}`;
    const send = (on: typeof services) =>
      sendVerificationEmail({ services: on, uid: user.uid, client, requestLocale: "ko" });
    for (let i = 0; i < 8; i++) await expectAppError(send(offline), "PROVIDER_FAILED");
    for (let i = 0; i < 5; i++) await send(services);
    await expectAppError(send(services), "RATE_LIMITED");
  });
});
