/**
 * Every retention rule of the data inventory, enforced by the one sweeper. The cases
 * are made from the inventory: a kind with a period and no record below to test it
 * with fails, so a new kind cannot go unswept unnoticed. Each runs on a database and
 * blob store of its own, on a clock of its own.
 */
import { mkdtempSync, utimesSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { DAY_MS, ManualClock } from "../../lib/clock/clock";
import { latestStartOverBy } from "../../lib/clock/korean-calendar";
import { RETENTION_FIXTURES } from "../support/retention-fixtures";
import { getServerConfig } from "../../lib/config/env";
import type { DocumentData } from "../../lib/db/database";
import { GENERATIONS } from "../../lib/generation/generation-job";
import { IMAGES, imageFileKeys } from "../../lib/images/image-record";
import { ORDERS } from "../../lib/orders/order";
import { MEMBERS } from "../../lib/accounts/members";
import { appendLedgerEntry, POINT_ACCOUNTS, POINT_ENTRIES, readPointAccount } from "../../lib/points/ledger";
import { verifyLedger } from "../../lib/points/verify-ledger";
import { inventoriedCollection } from "../../lib/privacy/data-inventory";
import {
  purgeExpiredData,
  sweepCutoff,
  sweptBlobKinds,
  sweptDatabaseKinds,
  type PurgeOutcome,
  type SweptDatabaseKind,
} from "../../lib/privacy/purge-expired-data";
import { createServices, type Services } from "../../lib/services";

const NOW = "2031-06-15T12:00:00.000Z";
const directories: string[] = [];

function isolatedServices(clock: ManualClock): Services {
  const dataDir = mkdtempSync(join(tmpdir(), "retention-"));
  directories.push(dataDir);
  return createServices({ ...getServerConfig(), DATA_DIR: dataDir, sqliteFile: join(dataDir, "db.sqlite") }, { clock });
}

afterAll(async () => {
  const { rm } = await import("node:fs/promises");
  await Promise.all(directories.map((dir) => rm(dir, { recursive: true, force: true })));
});

/** Just past the end of the kind's retention, and just before it. */
function expiredAndFresh(kind: SweptDatabaseKind, now: Date): { expired: string; fresh: string } {
  const cutoff = Date.parse(sweepCutoff(kind, now));
  return { expired: new Date(cutoff - 60_000).toISOString(), fresh: new Date(cutoff + DAY_MS).toISOString() };
}

function deleted(outcome: PurgeOutcome): Record<string, number> {
  return Object.fromEntries(Object.entries(outcome).filter(([, count]) => count > 0));
}

describe.each(sweptDatabaseKinds().map((kind) => [kind.id, kind] as const))("the retention of %s", (_id, kind) => {
  const clock = new ManualClock(NOW);
  let services: Services;

  beforeEach(() => {
    clock.set(NOW);
    services = isolatedServices(clock);
  });

  it("has a record to be tested with", () => {
    expect(RETENTION_FIXTURES.has(kind.store.collection), `add a fixture for ${kind.store.collection}`).toBe(true);
  });

  it("deletes a record past its retention and keeps one within it, and deletes nothing more the second time", async () => {
    const make = RETENTION_FIXTURES.get(kind.store.collection)!;
    const collection = inventoriedCollection(kind.store.collection);
    const { expired, fresh } = expiredAndFresh(kind, clock.now());
    const batch = services.db.batch();
    batch.set(collection, "expired", make(expired, "expired-member"));
    batch.set(collection, "fresh", make(fresh, "fresh-member"));
    await batch.commit();

    expect(deleted(await purgeExpiredData({ services }))).toEqual({ [kind.store.collection]: 1 });
    expect(await services.db.get(collection, "expired")).toBeNull();
    expect(await services.db.get(collection, "fresh")).not.toBeNull();
    expect(deleted(await purgeExpiredData({ services }))).toEqual({});
  });
});

describe("the sweeper across kinds", () => {
  const clock = new ManualClock(NOW);

  it("deletes in pages, past records that must wait, over more than one page", async () => {
    const services = isolatedServices(clock);
    const make = RETENTION_FIXTURES.get(GENERATIONS.name)!;
    const { expired } = expiredAndFresh(
      sweptDatabaseKinds().find((k) => k.id === GENERATIONS.kind.id)!,
      clock.now(),
    );
    const batch = services.db.batch();
    // An open job first in every page's order: it waits for recovery and must not hide the others.
    batch.set(inventoriedCollection(GENERATIONS.name), "a-open", { ...make(expired, "m"), status: "queued" });
    for (let i = 0; i < 7; i++) batch.set(inventoriedCollection(GENERATIONS.name), `job-${i}`, make(expired, "m"));
    await batch.commit();

    expect(deleted(await purgeExpiredData({ services, pageSize: 3 }))).toEqual({ generations: 7 });
    expect(await services.db.get(GENERATIONS, "a-open")).not.toBeNull();
    expect(deleted(await purgeExpiredData({ services, pageSize: 3 }))).toEqual({});
  });

  it("deletes an expired image's files with its record, and keeps a fresh one's", async () => {
    // Files are dated by the machine's clock: a sweep far in the future would find them all old.
    const services = isolatedServices(new ManualClock(new Date()));
    const kind = sweptDatabaseKinds().find((k) => k.id === IMAGES.kind.id)!;
    const { expired, fresh } = expiredAndFresh(kind, services.clock.now());
    const make = RETENTION_FIXTURES.get(IMAGES.name)!;
    const old = make(expired, "m") as DocumentData & { fileKey: string };
    const young = make(fresh, "m") as DocumentData & { fileKey: string };
    for (const image of [old, young]) {
      for (const key of imageFileKeys(image.fileKey)) {
        await services.blobs.put(key, Buffer.from("bytes"), key.endsWith(".webp") ? "image/webp" : "image/png");
      }
    }
    const batch = services.db.batch();
    batch.set(inventoriedCollection(IMAGES.name), "old", old);
    batch.set(inventoriedCollection(IMAGES.name), "young", young);
    await batch.commit();

    expect(deleted(await purgeExpiredData({ services }))).toEqual({ images: 1 });
    for (const key of imageFileKeys(old.fileKey)) expect(await services.blobs.get(key)).toBeNull();
    for (const key of imageFileKeys(young.fileKey)) expect(await services.blobs.get(key)).not.toBeNull();
  });

  it.each(sweptBlobKinds().map((kind) => [kind.id, kind] as const))(
    "removes the files under %s written before its period began, and keeps the younger ones",
    async (_id, kind) => {
      const services = isolatedServices(clock);
      const start = latestStartOverBy(clock.now(), kind.retention);
      const oldKey = `${kind.store.prefix}m/old/file.png`;
      const youngKey = `${kind.store.prefix}m/young/file.png`;
      await services.blobs.put(oldKey, Buffer.from("old"), "image/png");
      await services.blobs.put(youngKey, Buffer.from("young"), "image/png");
      const dated = (key: string, at: Date) => utimesSync(join(services.config.DATA_DIR, "blobs", key), at, at);
      dated(oldKey, new Date(start.getTime() - 60_000));
      dated(youngKey, new Date(start.getTime() + DAY_MS));

      expect(deleted(await purgeExpiredData({ services }))).toEqual({ [kind.id]: 1 });
      expect(await services.blobs.list(kind.store.prefix)).toEqual([youngKey]);
      expect(deleted(await purgeExpiredData({ services }))).toEqual({});
    },
  );
});

describe("the points history of a live member (the live-ledger rule)", () => {
  const start = new Date("2020-01-01T00:00:00.000Z");
  const clock = new ManualClock(start);
  let services: Services;

  async function move(uid: string, amount: number, step: string): Promise<void> {
    await services.db.runTransaction(async (tx) => {
      const account = await readPointAccount(tx, uid);
      appendLedgerEntry(tx, account, { uniqueBy: step, kind: "adjustment", amount, reason: "test", now: clock.now() });
    });
  }

  async function entriesOf(uid: string): Promise<number> {
    return (await services.db.query({ collection: POINT_ENTRIES, where: [{ field: "uid", op: "==", value: uid }] }))
      .length;
  }

  beforeAll(async () => {
    services = isolatedServices(clock);
    const member = (uid: string) =>
      services.db.runTransaction(async (tx) =>
        tx.set(MEMBERS, uid, {
          name: "A member",
          ageConfirmedAt: start.toISOString(),
          marketingOptIn: false,
          locale: "ko",
          timeZone: "Asia/Seoul",
          createdAt: start.toISOString(),
          updatedAt: start.toISOString(),
        }),
      );
    for (const uid of ["active", "emptied", "holding"]) await member(uid);
    for (const uid of ["active", "emptied", "holding", "gone"]) await move(uid, 100, "first");
    await move("emptied", -100, "spent");
    const order = RETENTION_FIXTURES.get(ORDERS.name)!;
    const batch = services.db.batch();
    batch.set(inventoriedCollection(ORDERS.name), "active-order", order(start.toISOString(), "active"));
    batch.set(inventoriedCollection(ORDERS.name), "emptied-order", order(start.toISOString(), "emptied"));
    await batch.commit();
    clock.set(new Date("2026-01-01T00:00:00.000Z"));
    await move("active", 50, "six years on");
    expect(deleted(await purgeExpiredData({ services, pageSize: 2 }))).toEqual({
      pointEntries: 3,
      orders: 1,
      pointAccounts: 2,
    });
  });

  it("keeps an account in use with its oldest entries and orders: its balance and refundable points rest on them", async () => {
    expect(await entriesOf("active")).toBe(2);
    expect(await services.db.get(ORDERS, "active-order")).not.toBeNull();
    expect((await services.db.get(POINT_ACCOUNTS, "active"))?.data.balance).toBe(150);
  });

  it("keeps the history of a member who still holds points, however long unused", async () => {
    expect(await entriesOf("holding")).toBe(1);
    expect(await services.db.get(POINT_ACCOUNTS, "holding")).not.toBeNull();
  });

  it("deletes the whole history of an account emptied and unused for 5 years, the account with it", async () => {
    expect(await entriesOf("emptied")).toBe(0);
    expect(await services.db.get(ORDERS, "emptied-order")).toBeNull();
    expect(await services.db.get(POINT_ACCOUNTS, "emptied")).toBeNull();
  });

  it("deletes the history of a member who has left, 5 years after the last movement", async () => {
    expect(await entriesOf("gone")).toBe(0);
    expect(await services.db.get(POINT_ACCOUNTS, "gone")).toBeNull();
  });

  it("leaves a ledger that still proves itself, and deletes nothing more when run again", async () => {
    expect(await verifyLedger({ db: services.db })).toEqual({ accounts: 2, problems: [] });
    expect(deleted(await purgeExpiredData({ services }))).toEqual({});
  });
});
