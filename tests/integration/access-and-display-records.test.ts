/**
 * Access records (3 months) and records of the prices shown (6 months), made as the
 * data inventory says: a sign-in each time, a session's use at most once an hour, a
 * surface's prices once a day; no display record names a viewer, and no log line
 * carries the address or device.
 */
import { mkdtempSync } from "node:fs";
import { rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { VerifiedUser } from "../../lib/auth/auth-gateway";
import { DAY_MS, ManualClock } from "../../lib/clock/clock";
import { getServerConfig } from "../../lib/config/env";
import { DISPLAY_RECORDS, recordDisplay } from "../../lib/pricing/display-records";
import { getCatalog } from "../../lib/pricing/get-catalog";
import { PACKAGES } from "../../lib/pricing/price-table";
import { ACCESS_RECORDS, recordAccess, type AccessRecord } from "../../lib/privacy/access-records";
import { createServices, type Services } from "../../lib/services";
import { captureLogs } from "../support/captured-logs";

const directory = mkdtempSync(join(tmpdir(), "access-records-"));
afterAll(() => rm(directory, { recursive: true, force: true }));

const clock = new ManualClock("2026-03-01T09:10:00.000Z");
const services: Services = createServices(
  { ...getServerConfig(), DATA_DIR: directory, sqliteFile: join(directory, "db.sqlite"), TRUSTED_PROXY_HOPS: 1 },
  { clock },
);

describe("access records", () => {
  const user: VerifiedUser = {
    uid: "member-1",
    email: "someone@example.com",
    emailVerified: true,
    authTime: 1_772_000,
  };
  const headers = new Headers({ "x-forwarded-for": "198.51.100.7", "user-agent": "Mozilla/5.0 (Test)" });

  async function accessRecords(): Promise<AccessRecord[]> {
    const docs = await services.db.query({ collection: ACCESS_RECORDS });
    return docs
      .map((doc) => doc.data)
      .sort((a, b) => a.occurredAt.localeCompare(b.occurredAt) || a.event.localeCompare(b.event));
  }

  it("records a sign-in, then a session's use once an hour however many requests it makes", async () => {
    const logs = captureLogs();
    try {
      await recordAccess({ services, user, event: "sign-in", headers });
      for (let i = 0; i < 5; i++) await recordAccess({ services, user, event: "session", headers });
      clock.advance(40 * 60_000);
      await recordAccess({ services, user, event: "session", headers });
      clock.advance(40 * 60_000);
      await recordAccess({ services, user, event: "session", headers });
    } finally {
      logs.restore();
    }

    const seen = { uid: "member-1", client: "ipv4:198.51.100.7", userAgent: "Mozilla/5.0 (Test)" };
    expect(await accessRecords()).toEqual([
      { ...seen, event: "session", occurredAt: "2026-03-01T09:10:00.000Z" },
      { ...seen, event: "sign-in", occurredAt: "2026-03-01T09:10:00.000Z" },
      { ...seen, event: "session", occurredAt: "2026-03-01T10:30:00.000Z" },
    ]);
    expect(logs.text()).not.toContain("198.51.100.7");
    expect(logs.text()).not.toContain("Mozilla");
  });

  it("records a client it cannot identify as unknown, and keeps only the first 256 characters of a device", async () => {
    const local = createServices({ ...services.config, TRUSTED_PROXY_HOPS: 0 }, { clock, db: services.db });
    const other: VerifiedUser = { ...user, uid: "member-2" };
    await recordAccess({
      services: local,
      user: other,
      event: "sign-in",
      headers: new Headers({ "user-agent": "x".repeat(500) }),
    });
    const record = (await accessRecords()).find((r) => r.uid === "member-2");
    expect(record).toMatchObject({ client: null, userAgent: "x".repeat(256) });
  });
});

describe("records of the prices shown", () => {
  it("records each surface's prices once a day, with the packages and prices shown and nobody's identity", async () => {
    const catalog = getCatalog({ services });
    for (let i = 0; i < 3; i++) await recordDisplay({ services, surface: "points", catalog });
    await recordDisplay({ services, surface: "landing", catalog });
    clock.advance(DAY_MS);
    await recordDisplay({ services, surface: "points", catalog });

    const records = (await services.db.query({ collection: DISPLAY_RECORDS })).map((doc) => doc.data);
    expect(records.map((r) => `${r.day} ${r.surface}`).sort()).toEqual([
      "2026-03-01 landing",
      "2026-03-01 points",
      "2026-03-02 points",
    ]);
    for (const record of records) {
      expect(record.packages.map((p) => [p.id, p.priceKrw])).toEqual(PACKAGES.map((p) => [p.id, p.priceKrw]));
      expect(Object.keys(record).sort()).toEqual(["day", "firstShownAt", "models", "offerHash", "packages", "surface"]);
    }
  });

  it("records a new price table the same day as a record of its own", async () => {
    const catalog = getCatalog({ services });
    const cheaper = { ...catalog, packages: catalog.packages.map((p) => ({ ...p, priceKrw: p.priceKrw - 1_000 })) };
    await recordDisplay({ services, surface: "points", catalog: cheaper });
    const today = (await services.db.query({ collection: DISPLAY_RECORDS })).filter(
      (doc) => doc.data.day === "2026-03-02" && doc.data.surface === "points",
    );
    expect(today).toHaveLength(2);
    expect(new Set(today.map((doc) => doc.data.offerHash)).size).toBe(2);
  });
});
