/**
 * The staff access log: one hash chain however many staff act at once, on SQLite and
 * on the Firestore emulator; the verifier names the first entry changed, removed or
 * reordered directly in the database; the sweeper removes the expired front and the
 * rest is still proven; the export for a regulator.
 */
import { execFile } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { Firestore } from "firebase-admin/firestore";
import { afterAll, describe, expect, it } from "vitest";
import { DAY_MS, ManualClock } from "../../lib/clock/clock";
import { getServerConfig } from "../../lib/config/env";
import type { Database } from "../../lib/db/database";
import { FirestoreDatabase } from "../../lib/db/firestore/firestore-database";
import { purgeExpiredData } from "../../lib/privacy/purge-expired-data";
import { createServices, getServices, type Services } from "../../lib/services";
import {
  accessEntryHash,
  accessEntryId,
  appendStaffAccess,
  CHAIN_HEAD_ID,
  STAFF_ACCESS_CHAIN,
  STAFF_ACCESS_LOG,
  staffAccessLogKey,
  type StaffAccess,
  type StaffAccessEntry,
} from "../../lib/staff/access-log";
import { exportAccessLog } from "../../lib/staff/export-access-log";
import { verifyAccessLog } from "../../lib/staff/verify-access-log";

const run = promisify(execFile);
const KEY = staffAccessLogKey(getServerConfig());
const directories: string[] = [];
afterAll(() => directories.forEach((directory) => rmSync(directory, { recursive: true, force: true })));

function isolatedServices(
  clock = new ManualClock(new Date("2027-03-01T00:00:00Z")),
): Services & { clock: ManualClock } {
  const dataDir = mkdtempSync(join(tmpdir(), "access-log-"));
  directories.push(dataDir);
  const config = { ...getServerConfig(), DATA_DIR: dataDir, sqliteFile: join(dataDir, "db.sqlite") };
  return { ...createServices(config, { clock }), clock };
}

function access(n: number): StaffAccess {
  return {
    staffUid: `staff-${n % 3}`,
    role: n % 2 ? "admin" : "support",
    action: "member.view",
    memberUid: `member-${n}`,
    reason: "inquiry",
    client: "ipv4:203.0.113.7",
    outcome: "allowed",
  };
}

async function appendMany(services: Services, count: number): Promise<void> {
  for (let n = 0; n < count; n++) await appendStaffAccess(services.db, KEY, access(n), services.clock.now());
}

async function entry(db: Database, seq: number): Promise<StaffAccessEntry> {
  return (await db.get(STAFF_ACCESS_LOG, accessEntryId(seq)))!.data;
}

async function expectOneChain(db: Database, count: number): Promise<void> {
  expect(await verifyAccessLog({ key: KEY, db, now: new Date() })).toEqual({ entries: count, broken: null });
  const entries = await db.query({ collection: STAFF_ACCESS_LOG, orderBy: [{ field: "seq", direction: "asc" }] });
  expect(entries.map(({ data }) => data.seq)).toEqual([...Array(count).keys()]);
  expect(new Set(entries.map(({ data }) => data.staffUid + data.memberUid)).size).toBe(count);
}

describe("appending", () => {
  it("links each entry to the one before and keeps the head on the last", async () => {
    const services = isolatedServices();
    await appendMany(services, 3);
    const [first, second, third] = [
      await entry(services.db, 0),
      await entry(services.db, 1),
      await entry(services.db, 2),
    ];
    expect(first.prevHash).toBe("0".repeat(64));
    expect(second.prevHash).toBe(first.hash);
    expect(third.prevHash).toBe(second.hash);
    expect(third).toMatchObject({ staffUid: "staff-2", role: "support", memberUid: "member-2", reason: "inquiry" });
    expect((await services.db.get(STAFF_ACCESS_CHAIN, CHAIN_HEAD_ID))!.data).toMatchObject({
      seq: 2,
      hash: third.hash,
    });
  });

  it("never dates an entry before the one it follows, even when the clock goes back", async () => {
    const services = isolatedServices();
    await appendMany(services, 1);
    services.clock.advance(-60_000);
    await appendMany(services, 1);
    expect((await entry(services.db, 1)).at).toBe((await entry(services.db, 0)).at);
  });

  it("puts 50 concurrent appends on SQLite into one chain", async () => {
    const services = isolatedServices();
    await Promise.all([...Array(50).keys()].map((n) => appendStaffAccess(services.db, KEY, access(n), new Date())));
    await expectOneChain(services.db, 50);
  });

  it.skipIf(!process.env.FIRESTORE_EMULATOR_HOST)(
    "puts 50 concurrent appends on the Firestore emulator into one chain",
    { timeout: 180_000 },
    async () => {
      // A project of its own: a chain of this test's entries alone. The emulator's lock
      // times out under this many racing transactions, so each may be tried many times.
      const firestore = new Firestore({ projectId: `demo-access-log-${randomUUID().slice(0, 8)}` });
      const db = new FirestoreDatabase(firestore, { maxAttempts: 60 });
      try {
        await Promise.all([...Array(50).keys()].map((n) => appendStaffAccess(db, KEY, access(n), new Date())));
        await expectOneChain(db, 50);
      } finally {
        await db.close();
      }
    },
  );
});

describe("the verifier", () => {
  async function tampered(
    change: (db: Database) => Promise<void>,
  ): Promise<Awaited<ReturnType<typeof verifyAccessLog>>> {
    const services = isolatedServices();
    await appendMany(services, 6);
    expect(await verifyAccessLog({ key: KEY, db: services.db, now: services.clock.now() })).toEqual({
      entries: 6,
      broken: null,
    });
    await change(services.db);
    return verifyAccessLog({ key: KEY, db: services.db, now: services.clock.now() });
  }

  it("names an entry whose fields were changed", async () => {
    const verdict = await tampered((db) =>
      db.runTransaction(async (tx) => tx.update(STAFF_ACCESS_LOG, accessEntryId(3), { reason: "curiosity" })),
    );
    expect(verdict).toEqual({ entries: 3, broken: { seq: 3, problem: "changed" } });
  });

  it("names an entry rewritten with a fresh hash of its own: its successor still holds the old one", async () => {
    const verdict = await tampered(async (db) => {
      const { hash: _old, ...fields } = await entry(db, 2);
      const forged = { ...fields, memberUid: "someone-else" };
      await db.runTransaction(async (tx) =>
        tx.set(STAFF_ACCESS_LOG, accessEntryId(2), { ...forged, hash: accessEntryHash(KEY, forged) }),
      );
    });
    expect(verdict.broken).toEqual({ seq: 2, problem: "changed" });
  });

  it("names an entry rewritten with every hash after it computed again, unless the rewriter holds the key", async () => {
    const rewriteAndReseal = (key: string) => async (db: Database) => {
      const rewritten: StaffAccessEntry[] = [];
      for (let seq = 2; seq < 6; seq++) rewritten.push(await entry(db, seq));
      let prevHash = rewritten[0]!.prevHash;
      await db.runTransaction(async (tx) => {
        for (const { hash: _old, ...fields } of rewritten) {
          const forged = { ...fields, prevHash, ...(fields.seq === 2 ? { memberUid: "someone-else" } : {}) };
          prevHash = accessEntryHash(key, forged);
          tx.set(STAFF_ACCESS_LOG, accessEntryId(forged.seq), { ...forged, hash: prevHash });
        }
        tx.update(STAFF_ACCESS_CHAIN, CHAIN_HEAD_ID, { hash: prevHash });
      });
    };
    // A plain hash chain cannot tell this from the truth; without the key, the seal can.
    expect((await tampered(rewriteAndReseal("a guess at the key, 32 characters long"))).broken).toEqual({
      seq: 2,
      problem: "changed",
    });
    // The same rewrite under the key holds: so the key is kept apart from the data.
    expect(await tampered(rewriteAndReseal(KEY))).toEqual({ entries: 6, broken: null });
  });

  it("names a removed entry by its number, in the middle or at the end", async () => {
    expect(
      (await tampered((db) => db.runTransaction(async (tx) => tx.delete(STAFF_ACCESS_LOG, accessEntryId(4))))).broken,
    ).toEqual({ seq: 4, problem: "removed" });
    expect(
      (await tampered((db) => db.runTransaction(async (tx) => tx.delete(STAFF_ACCESS_LOG, accessEntryId(5))))).broken,
    ).toEqual({ seq: 5, problem: "removed" });
  });

  it("names entries put in each other's places", async () => {
    const verdict = await tampered(async (db) => {
      const [one, two] = [await entry(db, 1), await entry(db, 2)];
      await db.runTransaction(async (tx) => {
        tx.set(STAFF_ACCESS_LOG, accessEntryId(1), two);
        tx.set(STAFF_ACCESS_LOG, accessEntryId(2), one);
      });
    });
    expect(verdict.broken).toEqual({ seq: 1, problem: "reordered" });
  });

  it("names entries whose numbers were swapped to reorder them", async () => {
    const verdict = await tampered(async (db) => {
      const [one, two] = [await entry(db, 1), await entry(db, 2)];
      await db.runTransaction(async (tx) => {
        tx.set(STAFF_ACCESS_LOG, accessEntryId(1), { ...two, seq: 1 });
        tx.set(STAFF_ACCESS_LOG, accessEntryId(2), { ...one, seq: 2 });
      });
    });
    expect(verdict.broken).toEqual({ seq: 1, problem: "changed" });
  });

  it("passes an empty log", async () => {
    const empty = isolatedServices();
    expect(await verifyAccessLog({ key: KEY, db: empty.db, now: empty.clock.now() })).toEqual({
      entries: 0,
      broken: null,
    });
  });
});

describe("the seal's key", () => {
  it("is the configured key, and a development key only in local mode", () => {
    const key = "s".repeat(32);
    expect(staffAccessLogKey({ APP_MODE: "production", STAFF_ACCESS_LOG_KEY: key })).toBe(key);
    expect(staffAccessLogKey({ APP_MODE: "local", STAFF_ACCESS_LOG_KEY: undefined })).toMatch(/local-development/);
    expect(() => staffAccessLogKey({ APP_MODE: "production", STAFF_ACCESS_LOG_KEY: undefined })).toThrow(
      /STAFF_ACCESS_LOG_KEY/,
    );
  });
});

describe("retention", () => {
  it("removes the entries older than 2 years from the front, and the rest is still proven from the checkpoint", async () => {
    const services = isolatedServices();
    await appendMany(services, 4);
    services.clock.advance(400 * DAY_MS);
    await appendMany(services, 3);
    services.clock.advance(400 * DAY_MS);

    const outcome = await purgeExpiredData({ services, pageSize: 3 });
    expect(outcome).toMatchObject({ staffAccessLog: 4, staffAccessChain: 0 });
    const head = (await services.db.get(STAFF_ACCESS_CHAIN, CHAIN_HEAD_ID))!.data;
    expect(head).toMatchObject({ seq: 6, checkpointSeq: 3 });
    expect(await verifyAccessLog({ key: KEY, db: services.db, now: services.clock.now() })).toEqual({
      entries: 3,
      broken: null,
    });

    await services.db.runTransaction(async (tx) =>
      tx.update(STAFF_ACCESS_LOG, accessEntryId(5), { outcome: "refused" }),
    );
    expect((await verifyAccessLog({ key: KEY, db: services.db, now: services.clock.now() })).broken).toEqual({
      seq: 5,
      problem: "changed",
    });
  });

  it("passes over expired entries a sweep checkpointed and did not get to delete, if they are as written", async () => {
    const services = isolatedServices();
    await appendMany(services, 2);
    services.clock.advance(3 * 366 * DAY_MS);
    await appendMany(services, 2);
    const now = services.clock.now();
    const one = await entry(services.db, 1);
    await services.db.runTransaction(async (tx) =>
      tx.update(STAFF_ACCESS_CHAIN, CHAIN_HEAD_ID, { checkpointSeq: 1, checkpointHash: one.hash }),
    );
    expect(await verifyAccessLog({ key: KEY, db: services.db, now })).toEqual({ entries: 2, broken: null });
    // A checkpoint not holding the last expired entry's hash is named.
    await services.db.runTransaction(async (tx) =>
      tx.update(STAFF_ACCESS_CHAIN, CHAIN_HEAD_ID, { checkpointSeq: 1, checkpointHash: "x".repeat(64) }),
    );
    expect((await verifyAccessLog({ key: KEY, db: services.db, now })).broken).toEqual({ seq: 1, problem: "changed" });
    // So is an expired entry left behind and then changed.
    await services.db.runTransaction(async (tx) => {
      tx.update(STAFF_ACCESS_CHAIN, CHAIN_HEAD_ID, { checkpointSeq: 1, checkpointHash: one.hash });
      tx.update(STAFF_ACCESS_LOG, accessEntryId(0), { memberUid: "someone-else" });
    });
    expect((await verifyAccessLog({ key: KEY, db: services.db, now })).broken).toEqual({ seq: 0, problem: "changed" });
  });

  it("names a checkpoint moved over entries that have not expired, whatever they hid", async () => {
    const services = isolatedServices();
    await appendMany(services, 5);
    const now = services.clock.now();
    const head = (await services.db.get(STAFF_ACCESS_CHAIN, CHAIN_HEAD_ID))!.data;
    // Entry 2 changed and entry 3 deleted, then the checkpoint set to the head, as if all were swept.
    await services.db.runTransaction(async (tx) => {
      tx.update(STAFF_ACCESS_LOG, accessEntryId(2), { memberUid: "someone-else" });
      tx.delete(STAFF_ACCESS_LOG, accessEntryId(3));
      tx.update(STAFF_ACCESS_CHAIN, CHAIN_HEAD_ID, { checkpointSeq: head.seq, checkpointHash: head.hash });
    });
    expect((await verifyAccessLog({ key: KEY, db: services.db, now })).broken).not.toBeNull();
    // Entries 0 and 1 deleted, the checkpoint set to entry 1 with the hash entry 2 still names.
    const quiet = isolatedServices();
    await appendMany(quiet, 5);
    const two = await entry(quiet.db, 2);
    await quiet.db.runTransaction(async (tx) => {
      tx.delete(STAFF_ACCESS_LOG, accessEntryId(0));
      tx.delete(STAFF_ACCESS_LOG, accessEntryId(1));
      tx.update(STAFF_ACCESS_CHAIN, CHAIN_HEAD_ID, { checkpointSeq: 1, checkpointHash: two.prevHash });
    });
    expect((await verifyAccessLog({ key: KEY, db: quiet.db, now: quiet.clock.now() })).broken).toEqual({
      seq: 1,
      problem: "removed",
    });
  });

  it("sweeps the head with the last entry, and a new chain starts afresh", async () => {
    const services = isolatedServices();
    await appendMany(services, 2);
    services.clock.advance(3 * 366 * DAY_MS);
    expect(await purgeExpiredData({ services })).toMatchObject({ staffAccessLog: 2, staffAccessChain: 1 });
    await appendMany(services, 1);
    expect((await entry(services.db, 0)).prevHash).toBe("0".repeat(64));
    expect(await verifyAccessLog({ key: KEY, db: services.db, now: services.clock.now() })).toEqual({
      entries: 1,
      broken: null,
    });
  });
});

describe("npm run audit:verify and audit:export", () => {
  const services = getServices();
  const script = (...args: string[]) =>
    run(process.execPath, ["--import", "tsx", "scripts/audit-log.ts", ...args], { env: process.env });

  it("exports a period's entries as JSON Lines with their hashes, and the verifier's exit code follows the chain", async () => {
    const start = new Date();
    for (let n = 0; n < 3; n++)
      await appendStaffAccess(services.db, KEY, access(n), new Date(start.getTime() + n * 1000));
    const from = start.toISOString();
    const to = new Date(start.getTime() + 1500).toISOString();
    const exported = [];
    for await (const line of exportAccessLog({ db: services.db, input: { from, to } })) exported.push(line);
    expect(exported.map((line) => line.memberUid)).toEqual(["member-0", "member-1"]);

    const out = join(mkdtempSync(join(tmpdir(), "audit-export-")), "log.jsonl");
    directories.push(join(out, ".."));
    await script("export", "--from", from, "--to", to, "--out", out);
    const lines = readFileSync(out, "utf8")
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as StaffAccessEntry);
    expect(lines).toEqual(exported);
    expect(lines[1]!.prevHash).toBe(lines[0]!.hash);

    expect((await script("verify")).stdout).toContain("3 entries proven");
    await services.db.runTransaction(async (tx) => tx.update(STAFF_ACCESS_LOG, accessEntryId(1), { action: "x" }));
    await expect(script("verify")).rejects.toMatchObject({
      code: 1,
      stdout: expect.stringContaining("entry 1: changed"),
    });
    await expect(script("export", "--from", to, "--to", from)).rejects.toMatchObject({ code: 2 });
  });
});
