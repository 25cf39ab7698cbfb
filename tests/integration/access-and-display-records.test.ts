/**
 * Access records (3 months) and records of the prices shown (6 months), made as the
 * data inventory says: a sign-in each time, a session's use at most once an hour, a
 * surface's prices once a day; no display record names a viewer, and no log line
 * carries the address or device. They are written by the real entry points, and swept
 * on calendar dates.
 */
import { mkdtempSync } from "node:fs";
import { rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { GET as getCatalogRoute } from "../../app/api/catalog/route";
import { GET as getMe } from "../../app/api/me/route";
import { POST as postSession } from "../../app/api/session/route";
import { createAccount } from "../../lib/accounts/create-account";
import type { VerifiedUser } from "../../lib/auth/auth-gateway";
import { DAY_MS, ManualClock } from "../../lib/clock/clock";
import { koreanDate } from "../../lib/clock/korean-calendar";
import { getServerConfig } from "../../lib/config/env";
import { DISPLAY_RECORDS, recordDisplay } from "../../lib/pricing/display-records";
import { getCatalog } from "../../lib/pricing/get-catalog";
import { PACKAGES } from "../../lib/pricing/price-table";
import { ACCESS_RECORDS, recordAccess, type AccessRecord } from "../../lib/privacy/access-records";
import { inventoriedCollection, type DataKind } from "../../lib/privacy/data-inventory";
import { purgeExpiredData } from "../../lib/privacy/purge-expired-data";
import { PROCESSING_RESTRICTIONS } from "../../lib/privacy/processing-restriction";
import { createServices, getServices, type Services } from "../../lib/services";
import { captureLogs } from "../support/captured-logs";
import { signUpUser } from "../support/firebase-users";
import { APP_ORIGIN, call } from "../support/http";
import { RETENTION_FIXTURES } from "../support/retention-fixtures";

// The app's own services (those the route handlers use) sit behind one proxy, as on Cloud
// Run, so that the client in an access record comes from X-Forwarded-For.
process.env.TRUSTED_PROXY_HOPS = "1";

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

  it("dates a record by the day in Korea: prices shown at 00:30 in Seoul are the new day's, though UTC's is not", async () => {
    clock.set("2026-03-03T00:30:00+09:00");
    await recordDisplay({ services, surface: "landing", catalog: getCatalog({ services }) });
    const landing = (await services.db.query({ collection: DISPLAY_RECORDS }))
      .map((doc) => doc.data)
      .filter((record) => record.surface === "landing");
    expect(landing.map((record) => record.day).sort()).toEqual(["2026-03-01", "2026-03-03"]);
  });
});

describe("records written by the real entry points", () => {
  const app = () => getServices();

  async function recordsOf(uid: string): Promise<AccessRecord[]> {
    const docs = await app().db.query({ collection: ACCESS_RECORDS, where: [{ field: "uid", op: "==", value: uid }] });
    return docs.map((doc) => doc.data).sort((a, b) => a.event.localeCompare(b.event));
  }

  it("POST /api/session writes a sign-in access record, and a member API call a session record", async () => {
    const user = await signUpUser();
    // The left entry is whatever the client wrote; only the one our proxy appended is believed.
    const forwarded = { "x-forwarded-for": "203.0.113.66, 198.51.100.23" };
    const session = await call(postSession, {
      method: "POST",
      path: "/api/session",
      body: { idToken: user.idToken },
      headers: { origin: APP_ORIGIN, ...forwarded, "user-agent": "Signing-In Browser" },
    });
    expect(session.status).toBe(200);
    const cookie = /__session=[^;]*/.exec(session.headers.get("set-cookie") ?? "")![0];
    expect(await recordsOf(user.uid)).toMatchObject([
      { uid: user.uid, event: "sign-in", client: "ipv4:198.51.100.23", userAgent: "Signing-In Browser" },
    ]);

    await createAccount({
      services: app(),
      uid: user.uid,
      input: { name: "Access Member", ageConfirmed: true, consents: { terms: true, privacy: true, marketing: false } },
      requestLocale: "ko",
    });
    const me = await call(getMe, {
      path: "/api/me",
      cookie,
      headers: { "x-forwarded-for": "198.51.100.24", "user-agent": "Member Browser" },
    });
    expect(me.status).toBe(200);
    expect(await recordsOf(user.uid)).toMatchObject([
      { event: "session", client: "ipv4:198.51.100.24", userAgent: "Member Browser" },
      { event: "sign-in" },
    ]);
  });

  it("GET /api/catalog writes a display record", async () => {
    const response = await call(getCatalogRoute, { path: "/api/catalog" });
    expect(response.status).toBe(200);
    const today = koreanDate(app().clock.now());
    const records = (await app().db.query({ collection: DISPLAY_RECORDS }))
      .map((doc) => doc.data)
      .filter((record) => record.surface === "catalog-api" && record.day === today);
    expect(records).toHaveLength(1);
    expect(records[0]!.packages.map((p) => [p.id, p.priceKrw])).toEqual(PACKAGES.map((p) => [p.id, p.priceKrw]));
  });
});

/**
 * The calendar rule the sweeper applies to periods of months and years: a record dated on
 * day D is kept through day D of the month the period later (that month's last day when
 * it has no day D, as Korea's Civil Act art. 160 counts), and is gone from the next day,
 * all on Korea's calendar (korean-calendar.ts).
 */
describe("retention on calendar dates", () => {
  async function keptOn(kind: DataKind, writtenAt: string, sweptAt: string): Promise<boolean> {
    const folder = mkdtempSync(join(tmpdir(), "calendar-retention-"));
    try {
      const clock = new ManualClock(sweptAt);
      const isolated = createServices(
        { ...getServerConfig(), DATA_DIR: folder, sqliteFile: join(folder, "db.sqlite") },
        { clock },
      );
      if (kind.store.kind !== "database") throw new Error(`${kind.id} is not a database kind`);
      const collection = inventoriedCollection(kind.store.collection);
      const make = RETENTION_FIXTURES.get(collection.name)!;
      const batch = isolated.db.batch();
      batch.set(collection, "dated", make(new Date(writtenAt).toISOString(), "calendar-member"));
      await batch.commit();
      await purgeExpiredData({ services: isolated });
      return (await isolated.db.get(collection, "dated")) !== null;
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  }

  /** A kind, when a record of it was written, a moment it is still kept, and a moment it has been swept. */
  const dates = (kind: DataKind, written: string, kept: string, gone: string) =>
    [kind.id, written.slice(0, 16), kept.slice(0, 10), gone.slice(0, 10), kind, written, kept, gone] as const;
  const cases = [
    dates(ACCESS_RECORDS.kind, "2026-01-31T12:00:00+09:00", "2026-04-30T23:59:00+09:00", "2026-05-01T00:01:00+09:00"),
    dates(ACCESS_RECORDS.kind, "2026-02-28T12:00:00+09:00", "2026-05-28T23:59:00+09:00", "2026-05-29T00:01:00+09:00"),
    // Subtracting 3 months from 2026-05-31 overflows to 2026-03-03: no record of March may go in May.
    dates(ACCESS_RECORDS.kind, "2026-03-01T12:00:00+09:00", "2026-06-01T23:59:00+09:00", "2026-06-02T00:01:00+09:00"),
    // 08:00 on 1 March in Seoul is 28 February in UTC: counted in UTC, it went on 29 May.
    dates(ACCESS_RECORDS.kind, "2026-03-01T08:00:00+09:00", "2026-06-01T23:59:00+09:00", "2026-06-02T00:01:00+09:00"),
    dates(DISPLAY_RECORDS.kind, "2026-08-31T12:00:00+09:00", "2027-02-28T23:59:00+09:00", "2027-03-01T00:01:00+09:00"),
    dates(DISPLAY_RECORDS.kind, "2026-03-31T12:00:00+09:00", "2026-09-30T23:59:00+09:00", "2026-10-01T00:01:00+09:00"),
    dates(
      PROCESSING_RESTRICTIONS.kind,
      "2026-01-31T12:00:00+09:00",
      "2029-01-31T23:59:00+09:00",
      "2029-02-01T00:01:00+09:00",
    ),
    dates(
      PROCESSING_RESTRICTIONS.kind,
      "2028-02-29T12:00:00+09:00",
      "2031-02-28T23:59:00+09:00",
      "2031-03-01T00:01:00+09:00",
    ),
  ];

  it.each(cases)(
    "keeps a record of %s written %s (Korea) through %s, and has swept it on %s",
    async (_id, _written, _kept, _gone, kind, written, kept, gone) => {
      expect(await keptOn(kind, written, kept)).toBe(true);
      expect(await keptOn(kind, written, gone)).toBe(false);
    },
  );

  it("keeps a 3-month record of a month's first day on the last day of the month 2 months later", async () => {
    expect(await keptOn(ACCESS_RECORDS.kind, "2026-03-01T12:00:00+09:00", "2026-05-31T12:00:00+09:00")).toBe(true);
  });
});
