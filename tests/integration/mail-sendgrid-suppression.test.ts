/**
 * Mail through SendGrid, end to end: the app's services with MAIL_PROVIDER=sendgrid
 * against the SendGrid stand-in, members in the Auth emulator, and the signed Event
 * Webhook called through its route. A bounce, a drop or a spam report stops mail to
 * the address until the member confirms it again.
 */
import { randomUUID } from "node:crypto";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { POST as postSendGridEvents } from "../../app/api/webhooks/sendgrid/route";
import { sendVerificationEmail } from "../../lib/accounts/send-verification-email";
import { sendPasswordReset } from "../../lib/accounts/send-password-reset";
import { ManualClock } from "../../lib/clock/clock";
import { getServerConfig } from "../../lib/config/env";
import { runGenerationJob } from "../../lib/generation/run-generation-job";
import { submitGeneration } from "../../lib/generation/submit-generation";
import { deliverMailOutbox } from "../../lib/mail/deliver-mail-outbox";
import { MAIL_OUTBOX } from "../../lib/mail/mail-outbox";
import { MAIL_PROVIDER_EVENTS, MAIL_SUPPRESSIONS, mailSuppressionId } from "../../lib/mail/mail-suppression";
import { receiveSendGridEvents } from "../../lib/mail/receive-sendgrid-events";
import { setLogLevel } from "../../lib/observability/logger";
import { purgeExpiredData } from "../../lib/privacy/purge-expired-data";
import { createServices, getServices, type Services } from "../../lib/services";
import { expectAppError } from "../support/app-error-thrown";
import { captureLogs } from "../support/captured-logs";
import { applyOobCode, type TestUser } from "../support/firebase-users";
import { call } from "../support/http";
import { buyPoints, createMember } from "../support/members";
import { SendGridStandIn, type SignedEventRequest } from "../support/stand-ins/sendgrid-stand-in";

const standIn = await new SendGridStandIn().start();
process.env.MAIL_PROVIDER = "sendgrid";
process.env.SENDGRID_API_KEY = standIn.apiKey;
process.env.SENDGRID_BASE_URL = standIn.baseUrl;
process.env.SENDGRID_WEBHOOK_PUBLIC_KEY = standIn.publicKey;
const services = getServices();

afterAll(async () => {
  await standIn.stop();
});

function postEvents(request: SignedEventRequest): Promise<Response> {
  return call(postSendGridEvents, {
    method: "POST",
    path: "/api/webhooks/sendgrid",
    rawBody: request.body,
    headers: request.headers,
    origin: null,
  });
}

function bounce(email: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    email,
    event: "bounce",
    type: "bounce",
    reason: "550 5.1.1 The email account that you tried to reach does not exist.",
    status: "5.1.1",
    timestamp: Math.floor(Date.now() / 1000),
    sg_event_id: randomUUID(),
    sg_message_id: "14c5d75ce93.dfd.64b469.filter0001.16648.5515E0B88.0",
    "smtp-id": "<14c5d75ce93.dfd.64b469@ismtpd-555>",
    category: ["generation-result"],
    ...extra,
  };
}

async function confirmedMember(): Promise<TestUser> {
  const member = await createMember(services);
  await applyOobCode(await services.auth.emailVerificationCode(member.email));
  return member;
}

/** Runs one generation, which queues its result mail; answers that mail's outbox id. */
async function finishGeneration(uid: string): Promise<string> {
  const job = await submitGeneration({
    services,
    uid,
    input: { prompt: "a lighthouse at dusk", model: "local-sketch", size: "512x512", count: 1 },
    idempotencyKey: randomUUID(),
  });
  await runGenerationJob({ services, generationId: job.id, workerId: "sendgrid-test" });
  return `generation-result-${job.id}`;
}

function mailsTo(email: string, kind?: string) {
  return standIn.received.filter(
    (r) => r.body.personalizations[0]!.to[0]!.email === email && (!kind || r.body.categories?.includes(kind)),
  );
}

async function suppressed(email: string): Promise<boolean> {
  return (await services.db.get(MAIL_SUPPRESSIONS, mailSuppressionId(email))) !== null;
}

/** How many suppressions and handled events are stored. */
async function stored(): Promise<[number, number]> {
  const suppressions = await services.db.query({ collection: MAIL_SUPPRESSIONS, limit: 10_000 });
  const events = await services.db.query({ collection: MAIL_PROVIDER_EVENTS, limit: 10_000 });
  return [suppressions.length, events.length];
}

/** Buys points and sends the purchase mail it queued, so that what a test counts next is the mail it is about. */
async function buyPointsAndSendTheReceipt(uid: string): Promise<void> {
  await buyPoints(services, uid);
  await deliverMailOutbox({ services });
}

describe("mail through SendGrid", () => {
  it("sends the confirmation and result mail through SendGrid; the outbox keeps nothing, the log only the message id", async () => {
    const member = await createMember(services);
    await sendVerificationEmail({ services, uid: member.uid, client: "sendgrid-test", requestLocale: "ko" });
    expect(mailsTo(member.email, "verify-email")).toHaveLength(1);
    await applyOobCode(await services.auth.emailVerificationCode(member.email));

    await buyPointsAndSendTheReceipt(member.uid);
    await finishGeneration(member.uid);
    const logs = captureLogs();
    setLogLevel("info");
    try {
      expect(await deliverMailOutbox({ services })).toMatchObject({ sent: 1, dropped: 0, retried: 0 });
    } finally {
      setLogLevel(services.config.LOG_LEVEL);
      logs.restore();
    }
    const [result] = mailsTo(member.email, "generation-result");
    expect(result).toBeDefined();
    expect(await services.db.query({ collection: MAIL_OUTBOX, limit: 10 })).toEqual([]);
    const sent = logs.lines().find((line) => line.event === "mail.sent");
    expect(sent).toMatchObject({ messageId: result!.messageId, template: "generation-result" });
    expect(logs.text()).not.toContain(member.email);
  });

  it("puts no personal data in what SendGrid keeps long-term: categories are the mail's kind, no custom args", () => {
    expect(standIn.received.length).toBeGreaterThan(0);
    for (const { body } of standIn.received) {
      expect(body.custom_args).toBeUndefined();
      for (const category of body.categories ?? [])
        expect(["verify-email", "password-reset", "generation-result", "purchase-confirmation"]).toContain(category);
    }
  });
});

describe("the outbox on SendGrid's refusals", () => {
  async function queuedResult(): Promise<string> {
    const member = await confirmedMember();
    await buyPointsAndSendTheReceipt(member.uid);
    return finishGeneration(member.uid);
  }

  it("drops a message SendGrid refuses as it is (400), without trying it again", async () => {
    const id = await queuedResult();
    standIn.failNext({ status: 400, body: { errors: [{ message: "bad", field: "content.0.value", help: null }] } });
    expect(await deliverMailOutbox({ services })).toMatchObject({ sent: 0, dropped: 1, retried: 0 });
    expect(await services.db.get(MAIL_OUTBOX, id)).toBeNull();
  });

  it("keeps a message SendGrid could not take now (5xx) for a later attempt", async () => {
    const id = await queuedResult();
    standIn.failNext({ status: 503 });
    expect(await deliverMailOutbox({ services })).toMatchObject({ sent: 0, retried: 1 });
    expect((await services.db.get(MAIL_OUTBOX, id))?.data.attempts).toBe(1);
    await services.db.runTransaction(async (tx) => tx.delete(MAIL_OUTBOX, id));
  });

  it("after a 429, tries again no earlier than SendGrid's rate-limit reset", async () => {
    const id = await queuedResult();
    const reset = Math.floor(Date.now() / 1000) + 600;
    standIn.failNext({
      status: 429,
      headers: { "x-ratelimit-limit": "600", "x-ratelimit-remaining": "0", "x-ratelimit-reset": String(reset) },
      body: { errors: [{ message: "too many requests", field: null, help: null }] },
    });
    expect(await deliverMailOutbox({ services })).toMatchObject({ sent: 0, retried: 1 });
    expect((await services.db.get(MAIL_OUTBOX, id))?.data.nextAttemptAt).toBe(new Date(reset * 1000).toISOString());
    await services.db.runTransaction(async (tx) => tx.delete(MAIL_OUTBOX, id));
  });
});

describe("the SendGrid event webhook", () => {
  it("refuses an unsigned, forged, altered or stale batch with 401, and changes nothing", async () => {
    const member = await confirmedMember();
    const events = [bounce(member.email)];
    const signed = standIn.signedEvents(events);
    const forger = new SendGridStandIn();
    const attempts: SignedEventRequest[] = [
      { body: signed.body, headers: { "content-type": "application/json" } },
      forger.signedEvents(events),
      { ...signed, body: JSON.stringify([bounce(member.email), ...events]) },
      { ...signed, headers: { ...signed.headers, "x-twilio-email-event-webhook-timestamp": String(Date.now()) } },
      standIn.signedEvents(events, new Date(Date.now() - 10 * 60_000)),
      standIn.signedEvents(events, new Date(Date.now() + 10 * 60_000)),
    ];
    for (const attempt of attempts) expect((await postEvents(attempt)).status).toBe(401);
    expect(await suppressed(member.email)).toBe(false);
    expect((await services.auth.getUser(member.uid))?.emailVerified).toBe(true);
  });

  it("refuses a properly signed body that is not JSON (400) or not an array of events (422)", async () => {
    expect((await postEvents(standIn.signedBody("[{not json"))).status).toBe(400);
    expect((await postEvents(standIn.signedBody('{"event":"bounce"}'))).status).toBe(422);
    expect((await postEvents(standIn.signedEvents([]))).status).toBe(204);
  });

  it("counts an event delivered twice once: a replay after the member confirmed again changes nothing", async () => {
    const member = await confirmedMember();
    const event = bounce(member.email);
    const batch = standIn.signedEvents([event, event]);
    expect(
      await receiveSendGridEvents({
        services,
        rawBody: Buffer.from(batch.body),
        signature: batch.headers["x-twilio-email-event-webhook-signature"]!,
        timestamp: batch.headers["x-twilio-email-event-webhook-timestamp"]!,
      }),
    ).toEqual({ suppressed: 1 });
    expect((await services.auth.getUser(member.uid))?.emailVerified).toBe(false);

    await applyOobCode(await services.auth.emailVerificationCode(member.email));
    await buyPointsAndSendTheReceipt(member.uid);
    await finishGeneration(member.uid);
    expect(await deliverMailOutbox({ services })).toMatchObject({ sent: 1 });
    expect(await suppressed(member.email)).toBe(false);

    expect((await postEvents(standIn.signedEvents([event]))).status).toBe(204);
    expect(await suppressed(member.email)).toBe(false);
    expect((await services.auth.getUser(member.uid))?.emailVerified).toBe(true);
  });

  it("stores nothing for the events that change nothing: delivered, open, a temporary (blocked) bounce", async () => {
    const member = await confirmedMember();
    const before = await stored();
    const response = await postEvents(
      standIn.signedEvents([
        { ...bounce(member.email), event: "delivered", type: undefined, response: "250 OK" },
        { ...bounce(member.email), event: "open", type: undefined, useragent: "Mozilla/5.0", ip: "192.0.2.1" },
        bounce(member.email, { type: "blocked", reason: "421 try again later" }),
        { event: "group_unsubscribe", email: member.email, timestamp: 1, sg_event_id: randomUUID() },
      ]),
    );
    expect(response.status).toBe(204);
    expect(await stored()).toEqual(before);
    expect((await services.auth.getUser(member.uid))?.emailVerified).toBe(true);
  });

  it.each(["bounce", "dropped", "spamreport"])(
    "after a %s, holds result mail and password resets to the address, until the member confirms it again",
    async (kind) => {
      const member = await confirmedMember();
      await buyPointsAndSendTheReceipt(member.uid);
      const event =
        kind === "bounce" ? bounce(member.email) : { ...bounce(member.email), event: kind, type: undefined };
      expect((await postEvents(standIn.signedEvents([event]))).status).toBe(204);
      expect(await suppressed(member.email)).toBe(true);
      expect((await services.auth.getUser(member.uid))?.emailVerified).toBe(false);

      await finishGeneration(member.uid);
      await sendPasswordReset({
        services,
        input: { email: member.email },
        client: `sendgrid-test-${randomUUID()}`,
        requestLocale: "ko",
      });
      expect(await deliverMailOutbox({ services })).toMatchObject({ sent: 0, dropped: 2 });
      expect(mailsTo(member.email, "generation-result")).toEqual([]);
      expect(mailsTo(member.email, "password-reset")).toEqual([]);

      // The member, signed in, asks for a confirmation mail: it goes, past SendGrid's bounce list.
      await sendVerificationEmail({ services, uid: member.uid, client: `c-${randomUUID()}`, requestLocale: "en" });
      const [confirmation] = mailsTo(member.email, "verify-email");
      expect(confirmation?.body.mail_settings).toEqual({ bypass_bounce_management: { enable: true } });
      const code = /oobCode=([^\s&"]+)/.exec(confirmation!.body.content[0]!.value)![1]!;
      await applyOobCode(decodeURIComponent(code));

      await finishGeneration(member.uid);
      expect(await deliverMailOutbox({ services })).toMatchObject({ sent: 1, dropped: 0 });
      expect(mailsTo(member.email, "generation-result")).toHaveLength(1);
      expect(await suppressed(member.email)).toBe(false);
    },
  );

  it("keeps suppressions a year and event ids three days, then the purge deletes them", async () => {
    const clock = new ManualClock(new Date());
    // A database of its own, so the purge counts only what this test stored.
    const config = {
      ...getServerConfig(),
      sqliteFile: join(getServerConfig().DATA_DIR, `purge-${randomUUID()}.sqlite`),
    };
    const timed: Services = createServices(config, { auth: services.auth, clock });
    const email = `gone-${randomUUID()}@example.test`;
    const batch = standIn.signedEvents([bounce(email)], clock.now());
    await receiveSendGridEvents({
      services: timed,
      rawBody: Buffer.from(batch.body),
      signature: batch.headers["x-twilio-email-event-webhook-signature"]!,
      timestamp: batch.headers["x-twilio-email-event-webhook-timestamp"]!,
    });
    const start = clock.now().getTime();
    const day = 24 * 60 * 60_000;
    clock.set(new Date(start + 3 * day));
    expect(await purgeExpiredData({ services: timed })).toMatchObject({ mailProviderEvents: 1, mailSuppressions: 0 });
    clock.set(new Date(start + 364 * day));
    expect(await purgeExpiredData({ services: timed })).toMatchObject({ mailSuppressions: 0 });
    expect(await timed.db.get(MAIL_SUPPRESSIONS, mailSuppressionId(email))).not.toBeNull();
    clock.set(new Date(start + 365 * day));
    expect(await purgeExpiredData({ services: timed })).toMatchObject({ mailSuppressions: 1 });
    expect(await timed.db.get(MAIL_SUPPRESSIONS, mailSuppressionId(email))).toBeNull();
  });

  it("is off without a verification key: 404, nothing read", async () => {
    const unkeyed = createServices(
      { ...getServerConfig(), SENDGRID_WEBHOOK_PUBLIC_KEY: undefined },
      { db: services.db },
    );
    const batch = standIn.signedEvents([bounce(`x-${randomUUID()}@example.test`)]);
    await expectAppError(
      () =>
        receiveSendGridEvents({
          services: unkeyed,
          rawBody: Buffer.from(batch.body),
          signature: batch.headers["x-twilio-email-event-webhook-signature"]!,
          timestamp: batch.headers["x-twilio-email-event-webhook-timestamp"]!,
        }),
      "FEATURE_DISABLED",
    );
  });
});
