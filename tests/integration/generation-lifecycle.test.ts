import { randomUUID } from "node:crypto";
import sharp from "sharp";
import yauzl from "yauzl";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as getGenerationRoute } from "../../app/api/generations/[id]/route";
import { GET as getZip } from "../../app/api/generations/[id]/zip/route";
import { GET as getEvents } from "../../app/api/generations/[id]/events/route";
import { POST as postCancel } from "../../app/api/generations/[id]/cancel/route";
import { generationEvents } from "../../lib/http/generation-events";
import { GET as getImages } from "../../app/api/images/route";
import { DELETE as deleteImageRoute } from "../../app/api/images/[id]/route";
import { GET as getImageFile } from "../../app/api/images/[id]/file/route";
import { GET as getThumbnail } from "../../app/api/images/[id]/thumbnail/route";
import { GET as getPoints } from "../../app/api/points/route";
import { GET as getBlob } from "../../app/api/blobs/route";
import { submitGeneration } from "../../lib/generation/submit-generation";
import { runGenerationJob } from "../../lib/generation/run-generation-job";
import { recoverStalledGenerations, type RecoveryOutcome } from "../../lib/generation/recover-stalled-generations";
import { IMAGES } from "../../lib/images/image-record";
import { GENERATIONS } from "../../lib/generation/generation-job";
import { localImageFails } from "../../lib/image-models/local-image-model";
import { deliverMailOutbox } from "../../lib/mail/deliver-mail-outbox";
import { MAIL_OUTBOX } from "../../lib/mail/mail-outbox";
import { verifyLedger } from "../../lib/points/verify-ledger";
import { createServices, getServices } from "../../lib/services";
import { getServerConfig } from "../../lib/config/env";
import { DAY_MS, ManualClock } from "../../lib/clock/clock";
import { applyOobCode, type TestUser } from "../support/firebase-users";
import { call } from "../support/http";
import { buyPoints, createMember } from "../support/members";
import { expectAppError } from "../support/app-error-thrown";
import { waitFor } from "../support/wait-for";

const services = getServices();

interface GenerationBody {
  status: string;
  images: { id: string; url: string; thumbnailUrl: string; thumbnails: { url: string; width: number }[] }[];
  pointsReserved: number;
  pointsCharged: number | null;
}

async function view(user: TestUser, id: string): Promise<GenerationBody> {
  const response = await call(getGenerationRoute, {
    path: `/api/generations/${id}`,
    params: { id },
    token: user.idToken,
  });
  return (await response.json()) as GenerationBody;
}

/** An image route's answer, followed as a browser would: a redirect to a signed URL, then that URL. */
async function followImage(response: Response): Promise<{ redirect: Response; bytes: Response }> {
  expect(response.status).toBe(303);
  const location = response.headers.get("location")!;
  expect(location).toMatch(/^\/api\/blobs\?/);
  return { redirect: response, bytes: await call(getBlob, { path: location }) };
}

function unzipNames(bytes: Buffer): Promise<string[]> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(bytes, { lazyEntries: true }, (error, zip) => {
      if (error || !zip) return reject(error ?? new Error("Not a ZIP archive."));
      const names: string[] = [];
      zip.on("entry", (entry: yauzl.Entry) => {
        names.push(entry.fileName);
        zip.readEntry();
      });
      zip.on("end", () => resolve(names));
      zip.readEntry();
    });
  });
}

describe("a generation from submit to gallery", () => {
  let member: TestUser;
  let other: TestUser;

  beforeAll(async () => {
    member = await createMember(services);
    other = await createMember(services);
    await buyPoints(services, member.uid);
  });

  it("makes PNGs with WebP thumbnails, charges them, and serves them only to their owner", async () => {
    const job = await submitGeneration({
      services,
      uid: member.uid,
      input: { prompt: "red fox in snow", model: "local-sketch", size: "512x512", count: 3 },
      idempotencyKey: randomUUID(),
    });
    expect(await runGenerationJob({ services, generationId: job.id, workerId: "test-worker" })).toBe("finished");
    // Running it again does nothing: the job is finished and charged once.
    expect(await runGenerationJob({ services, generationId: job.id, workerId: "test-worker" })).toBe("not-runnable");

    const done = await view(member, job.id);
    expect(done).toMatchObject({ status: "succeeded", pointsReserved: 30, pointsCharged: 30 });
    expect(done.images).toHaveLength(3);

    const image = done.images[0]!;
    const { redirect, bytes: file } = await followImage(
      await call(getImageFile, { path: image.url, params: { id: image.id }, token: member.idToken }),
    );
    // The ownership check runs on every visit; the bytes behind the signed URL are kept privately for its life.
    expect(redirect.headers.get("cache-control")).toBe("private, no-store");
    expect(file.status).toBe(200);
    expect(file.headers.get("content-type")).toBe("image/png");
    expect(file.headers.get("cache-control")).toMatch(/^private, max-age=(\d+), immutable$/);
    expect(Number(/max-age=(\d+)/.exec(file.headers.get("cache-control")!)![1])).toBeLessThanOrEqual(300);
    expect(file.headers.get("content-disposition")).toBe(`inline; filename="${image.id}.png"`);
    const meta = await sharp(Buffer.from(await file.arrayBuffer())).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(["png", 512, 512]);
    // Saved, it is the exported copy (with the visible AI mark) from the route itself, never the stored original.
    const download = await call(getImageFile, {
      path: `${image.url}?download`,
      params: { id: image.id },
      token: member.idToken,
    });
    expect(download.status).toBe(200);
    expect(download.headers.get("content-disposition")).toBe(`attachment; filename="${image.id}.png"`);
    expect(download.headers.get("cache-control")).toBe("private, no-store");
    const saved = await sharp(Buffer.from(await download.arrayBuffer())).metadata();
    expect([saved.format, saved.width, saved.height]).toEqual(["png", 512, 512]);

    const { bytes: thumb } = await followImage(
      await call(getThumbnail, { path: image.thumbnailUrl, params: { id: image.id }, token: member.idToken }),
    );
    expect(thumb.headers.get("cache-control")).toMatch(/^private, max-age=\d+, immutable$/);
    const thumbMeta = await sharp(Buffer.from(await thumb.arrayBuffer())).metadata();
    expect(thumbMeta.format).toBe("webp");
    expect(thumbMeta.width).toBe(320);
    // The srcset's sizes: a 512 px image has a 320 px thumbnail and one of its own size, not an enlarged 640.
    expect(image.thumbnails.map((t) => t.width)).toEqual([320, 512]);
    for (const variant of image.thumbnails) {
      const { bytes } = await followImage(
        await call(getThumbnail, { path: variant.url, params: { id: image.id }, token: member.idToken }),
      );
      expect((await sharp(Buffer.from(await bytes.arrayBuffer())).metadata()).width).toBe(variant.width);
    }

    const stolen = await call(getImageFile, { path: image.url, params: { id: image.id }, token: other.idToken });
    expect(stolen.status).toBe(404);
    const anonymous = await call(getImageFile, { path: image.url, params: { id: image.id } });
    expect(anonymous.status).toBe(401);

    const zip = await call(getZip, {
      path: `/api/generations/${job.id}/zip`,
      params: { id: job.id },
      token: member.idToken,
    });
    expect(zip.headers.get("content-type")).toBe("application/zip");
    expect(await unzipNames(Buffer.from(await zip.arrayBuffer()))).toEqual([
      "image-1.png",
      "image-2.png",
      "image-3.png",
    ]);
    const otherZip = await call(getZip, {
      path: `/api/generations/${job.id}/zip`,
      params: { id: job.id },
      token: other.idToken,
    });
    expect(otherZip.status).toBe(404);

    const points = (await (await call(getPoints, { path: "/api/points", token: member.idToken })).json()) as {
      balance: number;
    };
    expect(points.balance).toBe(970);
  });

  it("streams the job's state as server-sent events until it finishes", async () => {
    const job = await submitGeneration({
      services,
      uid: member.uid,
      input: { prompt: "streamed", model: "local-sketch", size: "512x512", count: 2 },
      idempotencyKey: randomUUID(),
    });
    const response = await call(getEvents, {
      path: `/api/generations/${job.id}/events`,
      params: { id: job.id },
      token: member.idToken,
    });
    expect(response.headers.get("content-type")).toMatch(/^text\/event-stream/);
    const body = response.text();
    await runGenerationJob({ services, generationId: job.id, workerId: "test-worker" });
    const events = (await body)
      .split("\n\n")
      .filter((block) => block.startsWith("event: generation"))
      .map((block) => JSON.parse(block.split("\ndata: ")[1]!) as { status: string; imagesDone: number });
    expect(events[0]!.status).toBe("queued");
    expect(events[events.length - 1]).toMatchObject({ status: "succeeded", imagesDone: 2 });
    const done = events.map((e) => e.imagesDone);
    expect(done).toEqual([...done].sort((a, b) => a - b));

    const foreign = await call(getEvents, {
      path: `/api/generations/${job.id}/events`,
      params: { id: job.id },
      token: other.idToken,
    });
    expect(foreign.status).toBe(404);
  });

  it("stops watching the job when the reader goes away", async () => {
    const job = await submitGeneration({
      services,
      uid: member.uid,
      input: { prompt: "abandoned stream", model: "local-sketch", size: "512x512", count: 1 },
      idempotencyKey: randomUUID(),
    });
    let reads = 0;
    const clock = new ManualClock(new Date());
    const counting = createServices(getServerConfig(), {
      clock,
      db: {
        ...services.db,
        get: (collection, id) => (reads++, services.db.get(collection, id)),
        query: (q) => services.db.query(q),
      },
    });
    const response = generationEvents({
      services: counting,
      uid: member.uid,
      generationId: job.id,
      signal: new AbortController().signal,
    });
    const reader = response.body!.getReader();
    await reader.read();
    // The stream waits on the clock between reads: moving it makes the next read happen.
    await waitFor(() => clock.pendingSleeps === 1, { what: "the stream to wait for its next read" });
    clock.advance(60_000);
    await waitFor(() => reads === 2 && clock.pendingSleeps === 1, { what: "the second read" });
    await reader.cancel();
    // Nothing waits any more, and an hour passing reads nothing.
    expect(clock.pendingSleeps).toBe(0);
    clock.advance(3_600_000);
    await new Promise((resolve) => setImmediate(resolve));
    expect(reads).toBe(2);
  });

  it("lists the gallery newest first with a 90-day deletion date, pages with a cursor, and deletes at once", async () => {
    const job = await submitGeneration({
      services,
      uid: member.uid,
      input: { prompt: "tide pools", model: "local-sketch", size: "512x512", count: 2 },
      idempotencyKey: randomUUID(),
    });
    await runGenerationJob({ services, generationId: job.id, workerId: "test-worker" });

    const first = (await (await call(getImages, { path: "/api/images?limit=2", token: member.idToken })).json()) as {
      items: { id: string; createdAt: string; expiresAt: string; prompt: string }[];
      nextCursor: string | null;
    };
    expect(first.items).toHaveLength(2);
    expect(first.items[0]!.prompt).toBe("tide pools");
    const item = first.items[0]!;
    expect(Date.parse(item.expiresAt) - Date.parse(item.createdAt)).toBe(90 * 86_400_000);
    expect(first.nextCursor).not.toBeNull();
    const rest = (await (
      await call(getImages, { path: `/api/images?limit=10&cursor=${first.nextCursor}`, token: member.idToken })
    ).json()) as { items: { id: string }[]; nextCursor: string | null };
    const all = [...first.items, ...rest.items].map((i) => i.id);
    expect(new Set(all).size).toBe(all.length);
    expect(all).toHaveLength(7);
    expect(rest.nextCursor).toBeNull();

    const otherGallery = (await (await call(getImages, { path: "/api/images", token: other.idToken })).json()) as {
      items: unknown[];
    };
    expect(otherGallery.items).toHaveLength(0);

    const badCursor = await call(getImages, { path: "/api/images?cursor=not-a-cursor", token: member.idToken });
    expect(badCursor.status).toBe(422);

    const record = (await services.db.get(IMAGES, item.id))!.data;
    const signedBefore = (
      await followImage(
        await call(getThumbnail, {
          path: `/api/images/${item.id}/thumbnail`,
          params: { id: item.id },
          token: member.idToken,
        }),
      )
    ).redirect.headers.get("location")!;
    expect((await call(getBlob, { path: signedBefore })).status).toBe(200);
    const foreignDelete = await call(deleteImageRoute, {
      method: "DELETE",
      path: `/api/images/${item.id}`,
      params: { id: item.id },
      token: other.idToken,
    });
    expect(foreignDelete.status).toBe(404);
    const deleted = await call(deleteImageRoute, {
      method: "DELETE",
      path: `/api/images/${item.id}`,
      params: { id: item.id },
      token: member.idToken,
    });
    expect(deleted.status).toBe(204);
    expect(await services.db.get(IMAGES, item.id)).toBeNull();
    expect(await services.blobs.get(record.fileKey)).toBeNull();
    expect(record.thumbnails.length).toBeGreaterThan(0);
    for (const thumbnail of record.thumbnails) expect(await services.blobs.get(thumbnail.key)).toBeNull();
    // A signed URL handed out before the deletion stops working at once.
    expect((await call(getBlob, { path: signedBefore })).status).toBe(404);
    const after = await call(getImageFile, {
      path: `/api/images/${item.id}/file`,
      params: { id: item.id },
      token: member.idToken,
    });
    expect(after.status).toBe(404);
  });

  it("charges only the images made when some fail, and releases the rest", async () => {
    const failing = createServices({ ...getServerConfig(), LOCAL_MODEL_FAILURE_RATE: 0.5 }, { db: services.db });
    let checked = false;
    for (let attempt = 0; attempt < 10 && !checked; attempt++) {
      const job = await submitGeneration({
        services: failing,
        uid: member.uid,
        input: { prompt: `partial ${attempt}`, model: "local-sketch", size: "512x512", count: 4 },
        idempotencyKey: randomUUID(),
      });
      await runGenerationJob({ services: failing, generationId: job.id, workerId: "test-worker" });
      const done = await view(member, job.id);
      const made = done.images.length;
      expect(done.pointsCharged).toBe(made * 10);
      if (made > 0 && made < 4) {
        expect(done.status).toBe("partial");
        checked = true;
      }
    }
    expect(checked).toBe(true);
    expect((await verifyLedger({ db: services.db })).problems).toEqual([]);
  });

  it("keeps the lease of a job whose images take longer than the lease", async () => {
    const slow = createServices(
      { ...getServerConfig(), JOB_LEASE_MS: 300, LOCAL_MODEL_LATENCY_MS: 900 },
      { db: services.db },
    );
    const job = await submitGeneration({
      services: slow,
      uid: member.uid,
      input: { prompt: "slow provider", model: "local-sketch", size: "512x512", count: 2 },
      idempotencyKey: randomUUID(),
    });
    let done = false;
    const running = runGenerationJob({ services: slow, generationId: job.id, workerId: "slow-worker" }).finally(() => {
      done = true;
    });
    const sweeps: RecoveryOutcome[] = [];
    // A recovery sweep after every lease renewal, for as long as the job runs: each
    // 900 ms image outlasts the 300 ms lease several times over.
    while (!done) {
      const lease = (await services.db.get(GENERATIONS, job.id))!.data.leaseExpiresAt;
      sweeps.push(await recoverStalledGenerations({ services: slow }));
      await waitFor(async () => done || (await services.db.get(GENERATIONS, job.id))!.data.leaseExpiresAt !== lease, {
        what: "the lease to be renewed or the job to finish",
      });
    }
    expect(await running).toBe("finished");
    expect(sweeps.length).toBeGreaterThanOrEqual(4);
    expect(sweeps.every((s) => s.requeued === 0 && s.finished === 0 && s.failed === 0)).toBe(true);
    expect(await view(member, job.id)).toMatchObject({ status: "succeeded", pointsCharged: 20 });
  });

  it("charges every image made even when the member deletes one while the job runs", async () => {
    const slow = createServices({ ...getServerConfig(), LOCAL_MODEL_LATENCY_MS: 300 }, { db: services.db });
    const job = await submitGeneration({
      services: slow,
      uid: member.uid,
      input: { prompt: "delete while running", model: "local-sketch", size: "512x512", count: 3 },
      idempotencyKey: randomUUID(),
    });
    const running = runGenerationJob({ services: slow, generationId: job.id, workerId: "test-worker" });
    const first = await waitFor(async () => (await view(member, job.id)).images[0]?.id, { what: "the first image" });
    const deleted = await call(deleteImageRoute, {
      method: "DELETE",
      path: `/api/images/${first}`,
      params: { id: first },
      token: member.idToken,
    });
    expect(deleted.status).toBe(204);
    await running;
    const done = await view(member, job.id);
    expect(done).toMatchObject({ status: "succeeded", pointsReserved: 30, pointsCharged: 30 });
    expect(done.images.map((image) => image.id)).not.toContain(first);
    expect(done.images).toHaveLength(2);
  });

  it("forgets an Idempotency-Key after its 7 days", async () => {
    const clock = new ManualClock(new Date());
    const timed = createServices(getServerConfig(), { db: services.db, clock });
    // A member of its own: this test's entries are dated in the future.
    const keyed = await createMember(services);
    await buyPoints(services, keyed.uid);
    const key = randomUUID();
    const input = { prompt: "keyed", model: "local-sketch", size: "512x512", count: 1 };
    const first = await submitGeneration({ services: timed, uid: keyed.uid, input, idempotencyKey: key });
    clock.advance(6 * DAY_MS);
    expect((await submitGeneration({ services: timed, uid: keyed.uid, input, idempotencyKey: key })).id).toBe(first.id);
    await expectAppError(
      submitGeneration({ services: timed, uid: keyed.uid, input: { ...input, prompt: "other" }, idempotencyKey: key }),
      "IDEMPOTENCY_KEY_REUSED",
    );
    clock.advance(2 * DAY_MS);
    const later = await submitGeneration({
      services: timed,
      uid: keyed.uid,
      input: { ...input, prompt: "other" },
      idempotencyKey: key,
    });
    expect(later.id).not.toBe(first.id);
  });

  it("releases everything when every image fails", async () => {
    const broken = createServices({ ...getServerConfig(), LOCAL_MODEL_FAILURE_RATE: 1 }, { db: services.db });
    const before = (await (await call(getPoints, { path: "/api/points", token: member.idToken })).json()) as {
      balance: number;
    };
    const job = await submitGeneration({
      services: broken,
      uid: member.uid,
      input: { prompt: "doomed", model: "local-sketch", size: "512x512", count: 2 },
      idempotencyKey: randomUUID(),
    });
    await runGenerationJob({ services: broken, generationId: job.id, workerId: "test-worker" });
    expect(await view(member, job.id)).toMatchObject({ status: "failed", pointsCharged: 0, images: [] });
    const after = (await (await call(getPoints, { path: "/api/points", token: member.idToken })).json()) as {
      balance: number;
      entries: { kind: string; amount: number }[];
    };
    expect(after.balance).toBe(before.balance);
    expect(after.entries.slice(0, 2).map((e) => [e.kind, e.amount])).toEqual([
      ["release", 20],
      ["reserve", -20],
    ]);
  });

  it("counts an image as failed when the model answers with bytes that are not an image", async () => {
    const garbled = createServices(getServerConfig(), {
      db: services.db,
      imageProviders: { local: { generate: async () => Buffer.from("these bytes are no PNG") } },
    });
    const job = await submitGeneration({
      services: garbled,
      uid: member.uid,
      input: { prompt: "garbled", model: "local-sketch", size: "512x512", count: 2 },
      idempotencyKey: randomUUID(),
    });
    expect(await runGenerationJob({ services: garbled, generationId: job.id, workerId: "test-worker" })).toBe(
      "finished",
    );
    expect(await view(member, job.id)).toMatchObject({ status: "failed", pointsCharged: 0, images: [] });
    expect(await services.blobs.list(`images/${member.uid}/${job.id}/`)).toEqual([]);
  });

  it("the local model's simulated failures are decided by prompt and seed", () => {
    const outcomes = Array.from({ length: 50 }, (_, seed) => localImageFails({ prompt: "p", seed }, 0.5));
    expect(outcomes).toEqual(Array.from({ length: 50 }, (_, seed) => localImageFails({ prompt: "p", seed }, 0.5)));
    expect(outcomes.some(Boolean) && outcomes.some((o) => !o)).toBe(true);
  });

  it("mails the result to the member's own verified address only, once, and keeps no body in the queue", async () => {
    const unverified = await createMember(services);
    await buyPoints(services, unverified.uid);
    const quiet = await submitGeneration({
      services,
      uid: unverified.uid,
      input: { prompt: "quiet", model: "local-sketch", size: "512x512", count: 1 },
      idempotencyKey: randomUUID(),
    });
    await runGenerationJob({ services, generationId: quiet.id, workerId: "test-worker" });
    const mailboxBefore = (await services.localMailbox!.list()).length;
    const dropped = await deliverMailOutbox({ services });
    expect(dropped.dropped).toBeGreaterThanOrEqual(1);
    expect((await services.localMailbox!.list()).filter((m) => m.to === unverified.email)).toHaveLength(0);

    const code = await services.auth.emailVerificationCode(member.email);
    await applyOobCode(code);
    const job = await submitGeneration({
      services,
      uid: member.uid,
      input: { prompt: "loud", model: "local-sketch", size: "512x512", count: 1 },
      idempotencyKey: randomUUID(),
    });
    await runGenerationJob({ services, generationId: job.id, workerId: "test-worker" });
    // Two senders at once (two workers, or a worker and a scheduled run): one mail.
    const results = await Promise.all([deliverMailOutbox({ services }), deliverMailOutbox({ services })]);
    expect(results[0].sent + results[1].sent).toBe(1);
    expect((await deliverMailOutbox({ services })).sent).toBe(0);
    const mails = await services.localMailbox!.list();
    expect(mails.length).toBe(mailboxBefore + 1);
    expect(mails[0]).toMatchObject({ to: member.email, subject: "이미지 1장이 완성되었습니다" });
    expect(mails[0]!.text).toContain(`/ko/generations/${job.id}`);
    expect(mails[0]!.text).not.toContain("loud");
    expect(await services.db.query({ collection: MAIL_OUTBOX })).toEqual([]);
  });
});

describe("canceling a generation", () => {
  let member: TestUser;

  beforeAll(async () => {
    member = await createMember(services);
    await buyPoints(services, member.uid);
  });

  async function cancel(user: TestUser, id: string): Promise<Response> {
    return call(postCancel, {
      method: "POST",
      path: `/api/generations/${id}/cancel`,
      params: { id },
      token: user.idToken,
    });
  }

  async function balance(): Promise<number> {
    return (
      (await (await call(getPoints, { path: "/api/points", token: member.idToken })).json()) as { balance: number }
    ).balance;
  }

  it("ends a queued job at once and gives every point back; no worker runs it afterwards", async () => {
    const job = await submitGeneration({
      services,
      uid: member.uid,
      input: { prompt: "never mind", model: "local-sketch", size: "512x512", count: 3 },
      idempotencyKey: randomUUID(),
    });
    expect(await balance()).toBe(970);
    const response = await cancel(member, job.id);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: "failed", errorCode: "canceled", pointsCharged: 0 });
    expect(await balance()).toBe(1000);
    expect(await runGenerationJob({ services, generationId: job.id, workerId: "late-worker" })).toBe("not-runnable");
    expect((await cancel(member, job.id)).status).toBe(409);
  });

  it("stops a running job after the image in progress and charges only the images made", async () => {
    const slow = createServices({ ...getServerConfig(), LOCAL_MODEL_LATENCY_MS: 300 }, { db: services.db });
    const job = await submitGeneration({
      services: slow,
      uid: member.uid,
      input: { prompt: "stop halfway", model: "local-sketch", size: "512x512", count: 4 },
      idempotencyKey: randomUUID(),
    });
    const running = runGenerationJob({ services: slow, generationId: job.id, workerId: "test-worker" });
    await waitFor(async () => (await view(member, job.id)).images.length > 0, { what: "the first image" });
    const other = await createMember(services);
    expect((await cancel(other, job.id)).status).toBe(404);
    expect((await cancel(member, job.id)).status).toBe(200);
    expect(await running).toBe("finished");
    const done = await view(member, job.id);
    expect(done.images.length).toBeGreaterThanOrEqual(1);
    expect(done.images.length).toBeLessThan(4);
    expect(done).toMatchObject({ status: "partial", pointsCharged: done.images.length * 10 });
    expect(await balance()).toBe(1000 - done.images.length * 10);
    expect((await verifyLedger({ db: services.db })).problems).toEqual([]);
  });
});
