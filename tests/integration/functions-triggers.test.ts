/**
 * The Cloud Functions (functions/src/index.ts) run the same lib/ handlers. They are
 * invoked here through firebase-functions-test in offline mode; inside, getServices()
 * is the local stack the integration setup configures (SQLite, local disk, outbox).
 */
import { randomUUID } from "node:crypto";
import functionsTest from "firebase-functions-test";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  deliverMail,
  expireUnpaidOrders,
  onGenerationCreated,
  onMailQueued,
  purgeExpired,
  recoverGenerations,
} from "../../functions/src/index";
import { sendPasswordReset } from "../../lib/accounts/send-password-reset";
import { DAY_MS, ManualClock } from "../../lib/clock/clock";
import { getServerConfig } from "../../lib/config/env";
import { GENERATIONS, type GenerationJob } from "../../lib/generation/generation-job";
import { QUEUE_TIMEOUT_MS } from "../../lib/generation/recover-stalled-generations";
import { runGenerationJob } from "../../lib/generation/run-generation-job";
import { submitGeneration } from "../../lib/generation/submit-generation";
import { IMAGES } from "../../lib/images/image-record";
import { MAIL_OUTBOX, passwordResetOutboxId } from "../../lib/mail/mail-outbox";
import { createOrder } from "../../lib/orders/create-order";
import { CHECKOUT_WINDOW_MINUTES, ORDERS } from "../../lib/orders/order";
import { POINT_ACCOUNTS } from "../../lib/points/ledger";
import { verifyLedger } from "../../lib/points/verify-ledger";
import { createServices, getServices, type Services } from "../../lib/services";
import { applyOobCode, signUpUser, type TestUser } from "../support/firebase-users";
import { buyPoints, createMember } from "../support/members";

const fft = functionsTest();
const services = getServices();

afterAll(() => {
  fft.cleanup();
});

/** Services on the same database whose clock stands at a given distance in the past. */
function servicesAgo(ms: number): Services {
  return createServices(getServerConfig(), { db: services.db, clock: new ManualClock(new Date(Date.now() - ms)) });
}

async function job(id: string): Promise<GenerationJob | null> {
  return (await services.db.get(GENERATIONS, id))?.data ?? null;
}

async function balance(uid: string): Promise<number> {
  return (await services.db.get(POINT_ACCOUNTS, uid))?.data.balance ?? 0;
}

async function submit(member: TestUser, prompt: string, count = 2, on: Services = services): Promise<string> {
  const input = { prompt, model: "local-sketch", size: "512x512", count };
  return (await submitGeneration({ services: on, uid: member.uid, input, idempotencyKey: randomUUID() })).id;
}

function scheduled(): { scheduleTime: string; jobName: string } {
  return { scheduleTime: new Date().toISOString(), jobName: "functions-triggers-test" };
}

describe("Cloud Functions triggers", () => {
  let member: TestUser;

  beforeAll(async () => {
    member = await createMember(services);
    await buyPoints(services, member.uid, 2);
  });

  describe("onGenerationCreated", () => {
    const wrapped = fft.wrap(onGenerationCreated);

    function createdEvent(generationId: string, data: GenerationJob) {
      const snapshot = fft.firestore.makeDocumentSnapshot(
        { uid: data.uid, prompt: data.prompt, model: data.model, count: data.count, status: data.status },
        `${GENERATIONS.name}/${generationId}`,
      );
      return { params: { generationId }, data: snapshot };
    }

    it("listens on the generations collection", () => {
      expect(onGenerationCreated.__endpoint.eventTrigger?.eventFilterPathPatterns).toEqual({
        document: "generations/{generationId}",
      });
    });

    it("runs the job the new document describes to the end, with its images, charging them", async () => {
      const before = await balance(member.uid);
      const id = await submit(member, "a trigger-made fox", 2);
      const queued = (await job(id))!;
      expect(queued.status).toBe("queued");

      await wrapped(createdEvent(id, queued));

      const done = (await job(id))!;
      expect(done).toMatchObject({
        status: "succeeded",
        pointsReserved: 20,
        pointsCharged: 20,
        imageIds: [`${id}-0`, `${id}-1`],
        leaseOwner: null,
      });
      const images = await services.db.query({
        collection: IMAGES,
        where: [{ field: "generationId", op: "==", value: id }],
      });
      expect(images.map((image) => image.id).sort()).toEqual([`${id}-0`, `${id}-1`]);
      for (const { data } of images) expect((await services.blobs.get(data.fileKey))?.contentType).toBe("image/png");
      expect(await balance(member.uid)).toBe(before - 20);
    });

    it("does nothing more when the event is delivered again", async () => {
      const id = await submit(member, "delivered twice", 1);
      const queued = (await job(id))!;
      await wrapped(createdEvent(id, queued));
      const afterFirst = await balance(member.uid);
      const { status, finishedAt } = (await job(id))!;
      expect(status).toBe("succeeded");
      await wrapped(createdEvent(id, queued));
      expect((await job(id))!.finishedAt).toBe(finishedAt);
      expect(await balance(member.uid)).toBe(afterFirst);
    });

    it("finishes without error for a document that is already gone", async () => {
      await expect(Promise.resolve(wrapped({ params: { generationId: randomUUID() } }))).resolves.toBeUndefined();
    });
  });

  describe("recoverGenerations", () => {
    it("finishes a job left queued past the queue timeout, returning its points", async () => {
      const past = servicesAgo(QUEUE_TIMEOUT_MS + 60_000);
      const id = await submit(member, "nobody took me", 1, past);
      const before = await balance(member.uid);

      await recoverGenerations.run(scheduled());

      expect(await job(id)).toMatchObject({ status: "failed", errorCode: "queue_timeout", pointsCharged: 0 });
      expect(await balance(member.uid)).toBe(before + 10);
    });

    it("re-queues a job whose worker died and runs it to the end in the same invocation", async () => {
      const id = await submit(member, "my worker died", 1);
      // What a worker that crashed after claiming the job leaves behind.
      const leaseExpiresAt = new Date(Date.now() - 1_000).toISOString();
      await services.db.runTransaction(async (tx) =>
        tx.update(GENERATIONS, id, { status: "running", attempts: 1, leaseOwner: "dead-worker", leaseExpiresAt }),
      );

      await recoverGenerations.run(scheduled());

      expect(await job(id)).toMatchObject({
        status: "succeeded",
        attempts: 2,
        imageIds: [`${id}-0`],
        pointsCharged: 10,
      });
    });

    it("runs a queued job that no trigger started", async () => {
      const id = await submit(member, "missed trigger", 1);
      await recoverGenerations.run(scheduled());
      expect((await job(id))?.status).toBe("succeeded");
    });
  });

  describe("purgeExpired", () => {
    it("deletes the images, files and generation of a job made more than 90 days ago, and keeps recent ones", async () => {
      const past = servicesAgo(91 * DAY_MS);
      const oldId = await submit(member, "long ago", 1, past);
      expect(await runGenerationJob({ services: past, generationId: oldId, workerId: "past-worker" })).toBe("finished");
      const oldImage = (await services.db.get(IMAGES, `${oldId}-0`))!.data;
      const recentId = await submit(member, "just now", 1);
      expect(await runGenerationJob({ services, generationId: recentId, workerId: "now-worker" })).toBe("finished");

      await purgeExpired.run(scheduled());

      expect(await services.db.get(IMAGES, `${oldId}-0`)).toBeNull();
      expect(await services.blobs.get(oldImage.fileKey)).toBeNull();
      expect(oldImage.thumbnails).not.toEqual([]);
      for (const thumbnail of oldImage.thumbnails) expect(await services.blobs.get(thumbnail.key)).toBeNull();
      expect(await job(oldId)).toBeNull();
      expect(await services.db.get(IMAGES, `${recentId}-0`)).not.toBeNull();
      expect((await job(recentId))?.status).toBe("succeeded");
    });
  });

  describe("expireUnpaidOrders", () => {
    it("closes an unpaid order past its checkout window, after asking the provider, and keeps a fresh one", async () => {
      const order = (clock: Services) =>
        createOrder({
          services: clock,
          uid: member.uid,
          input: { packageId: "points-1000", provider: "sandbox" },
          idempotencyKey: randomUUID(),
        });
      const old = await order(servicesAgo((CHECKOUT_WINDOW_MINUTES + 1) * 60_000));
      const fresh = await order(services);

      await expireUnpaidOrders.run(scheduled());

      expect((await services.db.get(ORDERS, old.orderId))?.data.status).toBe("expired");
      expect((await services.db.get(ORDERS, fresh.orderId))?.data.status).toBe("pending");
    });
  });

  describe("deliverMail", () => {
    it("sends the queued result mail to the member's verified address, once, and empties the queue", async () => {
      const verified = await createMember(services);
      await buyPoints(services, verified.uid);
      await applyOobCode(await services.auth.emailVerificationCode(verified.email));
      const id = await submit(verified, "mail me the result", 1);
      expect(await runGenerationJob({ services, generationId: id, workerId: "mail-worker" })).toBe("finished");
      expect(await services.db.get(MAIL_OUTBOX, `generation-result-${id}`)).not.toBeNull();

      await deliverMail.run(scheduled());

      const mails = (await services.localMailbox!.list()).filter(
        (mail) => mail.to === verified.email && mail.kind === "generation-result",
      );
      expect(mails).toHaveLength(1);
      // The member signed up in Korean: the mail is in Korean, and links to the Korean page.
      expect(mails[0]).toMatchObject({ subject: "이미지 1장이 완성되었습니다" });
      expect(mails[0]!.text).toContain(`/ko/generations/${id}`);
      expect(await services.db.get(MAIL_OUTBOX, `generation-result-${id}`)).toBeNull();

      await deliverMail.run(scheduled());
      expect(
        (await services.localMailbox!.list()).filter(
          (mail) => mail.to === verified.email && mail.kind === "generation-result",
        ),
      ).toHaveLength(1);
    });

    it("sends nothing to an address that was never verified", async () => {
      const id = await submit(member, "unverified owner", 1);
      expect(await runGenerationJob({ services, generationId: id, workerId: "mail-worker" })).toBe("finished");
      await deliverMail.run(scheduled());
      expect((await services.localMailbox!.list()).filter((mail) => mail.to === member.email)).toEqual([]);
      expect(await services.db.get(MAIL_OUTBOX, `generation-result-${id}`)).toBeNull();
    });
  });

  describe("onMailQueued", () => {
    it("listens on the mail outbox", () => {
      expect(onMailQueued.__endpoint.eventTrigger?.eventFilterPathPatterns).toEqual({
        document: "mailOutbox/{mailId}",
      });
    });

    it("sends a password reset as soon as it is queued, without waiting for the schedule", async () => {
      const user = await signUpUser();
      await sendPasswordReset({
        services,
        input: { email: user.email },
        client: `client-${randomUUID()}`,
        requestLocale: "en",
      });
      const queuedId = passwordResetOutboxId(user.email);
      const snapshot = fft.firestore.makeDocumentSnapshot({}, `${MAIL_OUTBOX.name}/${queuedId}`);
      await fft.wrap(onMailQueued)({ params: { mailId: queuedId }, data: snapshot });
      const mails = (await services.localMailbox!.list()).filter((mail) => mail.to === user.email);
      expect(mails.map((mail) => mail.subject)).toEqual(["Reset your password"]);
      expect(await services.db.get(MAIL_OUTBOX, queuedId)).toBeNull();
    });
  });

  it("leaves a ledger that verifies", async () => {
    expect((await verifyLedger({ db: services.db })).problems).toEqual([]);
  });
});
