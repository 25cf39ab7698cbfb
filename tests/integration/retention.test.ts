/**
 * Images and generation requests are kept 90 days; the ledger is kept (5 years).
 * The services run on a ManualClock, so the 90 days pass at once.
 */
import { randomUUID } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { DAY_MS, ManualClock } from "../../lib/clock/clock";
import { getServerConfig } from "../../lib/config/env";
import { GENERATIONS } from "../../lib/generation/generation-job";
import { runGenerationJob } from "../../lib/generation/run-generation-job";
import { submitGeneration } from "../../lib/generation/submit-generation";
import { IMAGES, type ImageRecord } from "../../lib/images/image-record";
import { purgeExpiredData, type PurgeOutcome } from "../../lib/privacy/purge-expired-data";
import { POINT_ACCOUNTS, POINT_ENTRIES, type PointEntry } from "../../lib/points/ledger";
import { RESERVATIONS } from "../../lib/points/reservations";
import { verifyLedger } from "../../lib/points/verify-ledger";
import { createServices, getServices, type Services } from "../../lib/services";
import type { TestUser } from "../support/firebase-users";
import { buyPoints, createMember } from "../support/members";

const T = "2026-01-01T00:00:00.000Z";
const clock = new ManualClock(T);
const services: Services = createServices(getServerConfig(), { db: getServices().db, clock });

/** What a sweep deleted: the kinds it deleted something of, and how many. */
function deleted(outcome: PurgeOutcome): Record<string, number> {
  return Object.fromEntries(Object.entries(outcome).filter(([, count]) => count > 0));
}

function filesUnder(root: string): string[] {
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

async function imagesOf(generationId: string): Promise<ImageRecord[]> {
  const docs = await services.db.query({
    collection: IMAGES,
    where: [{ field: "generationId", op: "==", value: generationId }],
  });
  return docs.map((doc) => doc.data);
}

async function entriesOf(uid: string): Promise<PointEntry[]> {
  const docs = await services.db.query({
    collection: POINT_ENTRIES,
    where: [{ field: "uid", op: "==", value: uid }],
  });
  return docs.map((doc) => doc.data);
}

async function generate(member: TestUser, prompt: string, count: number): Promise<string> {
  const { id } = await submitGeneration({
    services,
    uid: member.uid,
    input: { prompt, model: "local-sketch", size: "512x512", count },
    idempotencyKey: randomUUID(),
  });
  expect(await runGenerationJob({ services, generationId: id, workerId: "retention-test" })).toBe("finished");
  return id;
}

describe("purgeExpiredData after 90 days", () => {
  let member: TestUser;
  let later: TestUser;
  let oldJob: string;
  let newJob: string;
  let openJob: string;
  let oldImages: ImageRecord[];
  let entriesBefore: PointEntry[];

  beforeAll(async () => {
    clock.set(T);
    member = await createMember(services);
    later = await createMember(services);
    await buyPoints(services, member.uid);
    await buyPoints(services, later.uid);

    oldJob = await generate(member, "made on day zero", 3);
    // Submitted but never run: still open when it expires.
    openJob = (
      await submitGeneration({
        services,
        uid: member.uid,
        input: { prompt: "never run", model: "local-sketch", size: "512x512", count: 1 },
        idempotencyKey: randomUUID(),
      })
    ).id;
    oldImages = await imagesOf(oldJob);

    clock.advance(10 * DAY_MS);
    newJob = await generate(later, "made on day ten", 1);
    clock.set(T);
    entriesBefore = await entriesOf(member.uid);
  });

  it("has made the images and files it will purge, stamped to expire 90 days after they were made", async () => {
    expect(oldImages).toHaveLength(3);
    for (const image of oldImages) {
      expect(image.createdAt).toBe(T);
      expect(image.expiresAt).toBe(new Date(Date.parse(T) + 90 * DAY_MS).toISOString());
      expect(await services.blobs.get(image.fileKey)).not.toBeNull();
      expect(image.thumbnails).toHaveLength(2);
      for (const thumbnail of image.thumbnails) expect(await services.blobs.get(thumbnail.key)).not.toBeNull();
    }
    expect((await services.db.get(GENERATIONS, oldJob))?.data).toMatchObject({
      status: "succeeded",
      expiresAt: oldImages[0]!.expiresAt,
    });
  });

  it("deletes nothing on day 89", async () => {
    clock.set(new Date(Date.parse(T) + 89 * DAY_MS));
    // Request keys are kept 7 days: the five made on days 0 and 10 (two orders, three generations) are gone by now,
    // and so are the two members' hourly order counters.
    expect(deleted(await purgeExpiredData({ services, pageSize: 2 }))).toEqual({ idempotencyKeys: 5, rateLimits: 2 });
    expect(await imagesOf(oldJob)).toHaveLength(3);
    expect(await services.db.get(GENERATIONS, oldJob)).not.toBeNull();
    // Each 512x512 image: the PNG and its 320 and 512 px thumbnails.
    expect(await services.blobs.list(`images/${member.uid}/`)).toHaveLength(9);
  });

  it("on day 90 deletes the images, every file of each, and the finished generation, in pages", async () => {
    clock.set(new Date(Date.parse(T) + 90 * DAY_MS));
    expect(deleted(await purgeExpiredData({ services, pageSize: 2 }))).toEqual({ images: 3, generations: 1 });

    expect(await imagesOf(oldJob)).toEqual([]);
    for (const image of oldImages) {
      expect(await services.blobs.get(image.fileKey)).toBeNull();
      for (const thumbnail of image.thumbnails) expect(await services.blobs.get(thumbnail.key)).toBeNull();
    }
    expect(await services.blobs.list(`images/${member.uid}/`)).toEqual([]);
    expect(await services.db.get(GENERATIONS, oldJob)).toBeNull();
  });

  it("leaves a generation that is still open for recovery to finish first", async () => {
    expect((await services.db.get(GENERATIONS, openJob))?.data.status).toBe("queued");
  });

  it("keeps what was made later", async () => {
    expect(await imagesOf(newJob)).toHaveLength(1);
    expect(await services.blobs.list(`images/${later.uid}/`)).toHaveLength(3);
    expect(await services.db.get(GENERATIONS, newJob)).not.toBeNull();
  });

  it("keeps the ledger, the reservation and the balance: they are kept for 5 years", async () => {
    const entries = await entriesOf(member.uid);
    expect(entries).toEqual(entriesBefore);
    expect(entries.filter((e) => e.reservationId === oldJob).map((e) => e.kind)).toEqual(["reserve"]);
    expect(await services.db.get(RESERVATIONS, oldJob)).toMatchObject({ data: { status: "settled", charged: 30 } });
    expect((await services.db.get(POINT_ACCOUNTS, member.uid))?.data.balance).toBe(1_000 - 30 - 10);
    expect((await verifyLedger({ db: services.db })).problems).toEqual([]);
  });

  it("deletes nothing more when run again", async () => {
    expect(deleted(await purgeExpiredData({ services }))).toEqual({});
  });

  it("deletes what was made later once its own 90 days are over, even behind an open job on an earlier page", async () => {
    clock.set(new Date(Date.parse(T) + 100 * DAY_MS));
    // Pages of one: the still-open job expired first and fills the first page alone.
    expect(deleted(await purgeExpiredData({ services, pageSize: 1 }))).toEqual({ images: 1, generations: 1 });
    expect(await services.blobs.list("images/")).toEqual([]);
    expect((await verifyLedger({ db: services.db })).problems).toEqual([]);
  });

  it("removes the image bytes a write killed mid-way left behind, an hour after, though no record names them", async () => {
    // What LocalDiskStorage.put leaves when its process dies between writing and renaming.
    const folder = join(services.config.DATA_DIR, "blobs", "images", member.uid, oldJob);
    mkdirSync(folder, { recursive: true });
    const partial = join(folder, `${oldJob}-0.a2.png.${randomUUID()}.partial`);
    writeFileSync(partial, "the first half of an image");
    const written = new Date(clock.now().getTime() - 30 * 60_000);
    utimesSync(partial, written, written);

    // Half an hour old: it may be a slow write still in progress.
    expect(await purgeExpiredData({ services })).toMatchObject({ abandonedWrites: 0 });
    expect(existsSync(partial)).toBe(true);

    clock.advance(31 * 60_000);
    expect(await purgeExpiredData({ services })).toMatchObject({ abandonedWrites: 1 });
    expect(existsSync(partial)).toBe(false);
    expect(filesUnder(join(services.config.DATA_DIR, "blobs", "images"))).toEqual([]);
  });
});
