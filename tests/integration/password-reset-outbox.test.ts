/**
 * The password-reset answer must not depend on whether the address has an account,
 * not even in how long it takes: the request only counts its limits and queues the
 * mail, the same work for every address; the sender looks the address up, makes the
 * link and sends it later. The queue keeps the typed address only until then.
 */
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { POST as postPasswordReset } from "../../app/api/password-reset/route";
import { sendPasswordReset } from "../../lib/accounts/send-password-reset";
import type { AuthGateway } from "../../lib/auth/auth-gateway";
import { UNIDENTIFIED_CLIENT } from "../../lib/abuse/client-key";
import { ManualClock } from "../../lib/clock/clock";
import { deliverMailOutbox } from "../../lib/mail/deliver-mail-outbox";
import type { Doc } from "../../lib/db/database";
import { MAIL_OUTBOX, type OutboxItem } from "../../lib/mail/mail-outbox";
import type { Mailer } from "../../lib/mail/mailer";
import { getServices, type Services } from "../../lib/services";
import { translator } from "../../lib/i18n/messages";
import { signUpUser } from "../support/firebase-users";
import { call } from "../support/http";

const services = getServices();
/** Requests without Accept-Language, from addresses without a member: Korean. */
const RESET_SUBJECT = translator({ locale: "ko", namespace: "mail" })("passwordReset.subject");

function askReset(email: string): Promise<Response> {
  return call(postPasswordReset, { method: "POST", path: "/api/password-reset", body: { email } });
}

async function resetMailsTo(email: string): Promise<number> {
  return (await services.localMailbox!.list()).filter((m) => m.to === email && m.subject === RESET_SUBJECT).length;
}

async function outbox(): Promise<Doc<OutboxItem>[]> {
  return services.db.query({ collection: MAIL_OUTBOX });
}

/** The auth gateway of the services, recording which of its methods are called. */
function watchedAuth(calls: string[]): AuthGateway {
  const auth = services.auth;
  return new Proxy(auth, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof value !== "function") return value;
      return (...args: unknown[]) => {
        calls.push(String(property));
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
}

describe("asking for a password reset", () => {
  it("does not look the address up or send anything while answering, for a known or an unknown address", async () => {
    const user = await signUpUser();
    const calls: string[] = [];
    const watched: Services = { ...services, auth: watchedAuth(calls) };
    for (const email of [user.email, `nobody-${randomUUID()}@example.test`]) {
      await sendPasswordReset({
        services: watched,
        input: { email },
        client: UNIDENTIFIED_CLIENT,
        requestLocale: "ko",
      });
    }
    expect(calls).toEqual([]);
    expect(await resetMailsTo(user.email)).toBe(0);
    await deliverMailOutbox({ services });
  });

  it("queues one item for a known and an unknown address alike, and the sender mails only the account's owner", async () => {
    const user = await signUpUser();
    const unknown = `nobody-${randomUUID()}@example.test`;
    expect((await askReset(user.email)).status).toBe(202);
    expect((await askReset(unknown)).status).toBe(202);
    const queued = await outbox();
    expect(queued.map((item) => item.data.template)).toEqual(["password-reset", "password-reset"]);
    expect(await resetMailsTo(user.email)).toBe(0);

    const delivered = await deliverMailOutbox({ services });
    expect(delivered).toEqual({ sent: 1, dropped: 1, retried: 0 });
    expect(await resetMailsTo(user.email)).toBe(1);
    expect(await resetMailsTo(unknown)).toBe(0);
    expect(await outbox()).toEqual([]);
  });

  it("keys the queue by a hash of the address: asking twice before it is sent queues one mail", async () => {
    const user = await signUpUser();
    expect((await askReset(user.email)).status).toBe(202);
    expect((await askReset(user.email.toUpperCase())).status).toBe(202);
    const queued = await outbox();
    expect(queued).toHaveLength(1);
    expect(queued[0]!.id).not.toContain(user.email);
    expect(queued[0]!.id).not.toContain(user.email.split("@")[0]);
    await deliverMailOutbox({ services });
    expect(await resetMailsTo(user.email)).toBe(1);
  });

  it("forgets the address when the mail cannot be sent by the last attempt", async () => {
    const user = await signUpUser();
    expect((await askReset(user.email)).status).toBe(202);
    const clock = new ManualClock(new Date());
    const broken: Mailer = { send: () => Promise.reject(new Error("mail provider down")) };
    const failing: Services = { ...services, mailer: broken, clock };
    let rounds = 0;
    while ((await outbox()).length > 0) {
      expect(++rounds).toBeLessThanOrEqual(20);
      await deliverMailOutbox({ services: failing });
      clock.advance(24 * 60 * 60_000);
    }
    expect(rounds).toBeGreaterThan(1);
    expect(await resetMailsTo(user.email)).toBe(0);
  });
});
