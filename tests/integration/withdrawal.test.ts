/**
 * Withdrawal (회원 탈퇴) on the embedded database and the Auth emulator: everything the
 * inventory marks "delete" is destroyed, everything it marks "pseudonymise-and-keep" is
 * moved to the legal hold with no uid left in it, the process finishes after a crash at
 * any step, running it again changes nothing, and held records go when their period ends.
 */
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { GET as previewRoute, POST as withdrawalRoute } from "../../app/api/account/withdrawal/route";
import {
  counterId,
  countRateLimitedUse,
  PASSWORD_RESET_PER_ADDRESS,
  RATE_LIMITS,
  VERIFICATION_MAIL_PER_ACCOUNT,
} from "../../lib/abuse/rate-limit";
import { PROMPT_REFUSALS, recordPromptRefusal } from "../../lib/abuse/record-prompt-refusal";
import { MEMBERS } from "../../lib/accounts/members";
import { sendPasswordReset } from "../../lib/accounts/send-password-reset";
import { DAY_MS, ManualClock } from "../../lib/clock/clock";
import { getServerConfig } from "../../lib/config/env";
import type { Collection } from "../../lib/db/collection";
import type { Database, Transaction } from "../../lib/db/database";
import { runGenerationJob } from "../../lib/generation/run-generation-job";
import { submitGeneration } from "../../lib/generation/submit-generation";
import { IMAGES, imageFileKeys } from "../../lib/images/image-record";
import { createOrder } from "../../lib/orders/create-order";
import { completeSandboxPayment } from "../../lib/payments/complete-sandbox-payment";
import { MAIL_SUPPRESSIONS, mailSuppressionId } from "../../lib/mail/mail-suppression";
import { receiveSendGridEvents } from "../../lib/mail/receive-sendgrid-events";
import { POINT_ACCOUNTS } from "../../lib/points/ledger";
import { recordAccess } from "../../lib/privacy/access-records";
import * as inventory from "../../lib/privacy/data-inventory";
import { legalHoldKey, memberPseudonym } from "../../lib/privacy/legal-hold";
import { LEGAL_HOLD, type LegalHoldRecord } from "../../lib/privacy/legal-hold-record";
import { DATA_EXPORTS } from "../../lib/privacy/data-export";
import { filePrivacyRequest } from "../../lib/privacy/file-privacy-request";
import { prepareDataExports } from "../../lib/privacy/prepare-data-exports";
import { purgeExpiredData } from "../../lib/privacy/purge-expired-data";
import { requestDataExport } from "../../lib/privacy/request-data-export";
import { setProcessingRestriction } from "../../lib/privacy/set-processing-restriction";
import { requestRefund } from "../../lib/refunds/request-refund";
import { createServices, getServices, type Services } from "../../lib/services";
import { requestWithdrawal } from "../../lib/withdrawal/request-withdrawal";
import { resumeWithdrawals } from "../../lib/withdrawal/resume-withdrawals";
import { runWithdrawal } from "../../lib/withdrawal/run-withdrawal";
import { WITHDRAWAL_STEPS, WITHDRAWALS } from "../../lib/withdrawal/withdrawal";
import { expectAppError } from "../support/app-error-thrown";
import { signInUser, type TestUser } from "../support/firebase-users";
import { call, readError } from "../support/http";
import { createMember } from "../support/members";
import { SendGridStandIn } from "../support/stand-ins/sendgrid-stand-in";

const shared = getServices();
const config = getServerConfig();

function servicesAt(start: Date, overrides: Partial<Services> = {}): { services: Services; clock: ManualClock } {
  const clock = new ManualClock(start);
  return { services: createServices(config, { db: shared.db, blobs: shared.blobs, clock, ...overrides }), clock };
}

/** Every collection handle the inventory declares, found from the module itself: a new kind is covered at once. */
const HANDLES = (Object.values(inventory) as unknown[]).filter(
  (value): value is inventory.InventoriedCollection<{ uid: string }> =>
    typeof value === "object" && value !== null && "kind" in value && inventory.isInventoried(value),
);
const BY_UID = HANDLES.filter((handle) => Object.hasOwn(handle.kind.fields, "uid"));

async function countByUid(db: Database, uid: string): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const handle of BY_UID) {
    const docs = await db.query({ collection: handle, where: [{ field: "uid", op: "==", value: uid }] });
    if (docs.length > 0) counts[handle.kind.id] = docs.length;
  }
  return counts;
}

async function heldRecordsOf(db: Database, subject: string): Promise<LegalHoldRecord[]> {
  const held = await db.query({ collection: LEGAL_HOLD, where: [{ field: "subject", op: "==", value: subject }] });
  return held.map(({ data }) => data);
}

/** Signs SendGrid's event posts; its mail API is not used here, so it is never started. */
const sendGrid = new SendGridStandIn();

/**
 * Records kept under a hash of the member's address, not their uid: the password-reset
 * counter and the mail suppression, found by computing the hash.
 */
function addressKeyed(email: string) {
  return [
    {
      collection: inventory.inventoriedCollection(RATE_LIMITS.name),
      id: counterId({ rule: PASSWORD_RESET_PER_ADDRESS, key: email }),
    },
    { collection: inventory.inventoriedCollection(MAIL_SUPPRESSIONS.name), id: mailSuppressionId(email) },
  ];
}

/** The member's counters: keyed by a hash of the uid, so found by computing it. */
function counterIds(uid: string): string[] {
  return [VERIFICATION_MAIL_PER_ACCOUNT, PROMPT_REFUSALS].map((rule) => counterId({ rule, key: uid }));
}

interface Footprint {
  member: TestUser;
  counts: Record<string, number>;
  fileKeys: string[];
  balance: number;
}

/**
 * A member with something in every kind: two purchases (one withdrawn from at once, so a
 * refund), a generation with images and their files, result and purchase mail queued,
 * request keys, rate-limit counters (a password reset's among them), an abuse record, an
 * access record, a suppression of the address after a bounce, and what My page makes: processing
 * restrictions (one in force, one lifted), a privacy request and a data export with its archive.
 */
async function busyMember(services: Services): Promise<Footprint> {
  const member = await createMember(services);
  const buy = async () => {
    const { orderId } = await createOrder({
      services,
      uid: member.uid,
      input: { packageId: "points-1000", provider: "sandbox" },
      idempotencyKey: randomUUID(),
    });
    await completeSandboxPayment({ services, uid: member.uid, orderId });
    return orderId;
  };
  await buy();
  const refunded = await buy();
  expect(
    await requestRefund({ services, uid: member.uid, orderId: refunded, idempotencyKey: randomUUID() }),
  ).toMatchObject({ status: "succeeded" });
  const job = await submitGeneration({
    services,
    uid: member.uid,
    input: { prompt: "a quiet harbour at dawn", model: "local-poster", size: "1536x1024", count: 2 },
    idempotencyKey: randomUUID(),
  });
  expect(await runGenerationJob({ services, generationId: job.id, workerId: "withdrawal-test" })).toBe("finished");
  for (let i = 0; i < 3; i++) {
    await recordPromptRefusal({
      services,
      uid: member.uid,
      prompt: "something refused",
      categories: ["violence"],
      source: "local-rules",
    });
  }
  await services.db.runTransaction(async (tx) => {
    const count = await countRateLimitedUse(tx, {
      uses: [{ rule: VERIFICATION_MAIL_PER_ACCOUNT, key: member.uid }],
      now: services.clock.now(),
    });
    count();
  });
  for (const id of counterIds(member.uid)) expect(await services.db.get(RATE_LIMITS, id)).not.toBeNull();
  await recordAccess({
    services,
    user: { uid: member.uid, email: member.email, emailVerified: false, authTime: 0 },
    event: "sign-in",
    headers: new Headers({ "user-agent": "Withdrawal Test Browser" }),
  });
  await sendPasswordReset({
    services,
    input: { email: member.email }, // A client of its own: the per-client limit must not stop the next test member.
    client: `test-client-${member.uid}`,
    requestLocale: "ko",
  });
  const bounced = sendGrid.signedEvents(
    [{ email: member.email, event: "bounce", type: "bounce", timestamp: 0, sg_event_id: randomUUID() }],
    services.clock.now(),
  );
  const webhook = createServices(
    { ...services.config, SENDGRID_WEBHOOK_PUBLIC_KEY: sendGrid.publicKey },
    { db: services.db, blobs: services.blobs, clock: services.clock },
  );
  expect(
    await receiveSendGridEvents({
      services: webhook,
      rawBody: Buffer.from(bounced.body),
      signature: bounced.headers["x-twilio-email-event-webhook-signature"]!,
      timestamp: bounced.headers["x-twilio-email-event-webhook-timestamp"]!,
    }),
  ).toEqual({ suppressed: 1 });
  for (const { collection, id } of addressKeyed(member.email))
    expect(await services.db.get(collection, id), collection.name).not.toBeNull();
  // My page: a restriction in force, an objection lifted, a privacy request, and a data export ready with its archive.
  await setProcessingRestriction({ services, uid: member.uid, input: { kind: "restriction", active: true } });
  await setProcessingRestriction({ services, uid: member.uid, input: { kind: "marketing-objection", active: true } });
  await setProcessingRestriction({ services, uid: member.uid, input: { kind: "marketing-objection", active: false } });
  await filePrivacyRequest({
    services,
    uid: member.uid,
    input: { kind: "access", details: "Which processors received my images?" },
  });
  const requested = await requestDataExport({ services, uid: member.uid });
  await prepareDataExports({ services });
  const archiveKey = (await services.db.get(DATA_EXPORTS, requested.id))!.data.fileKey;
  expect(archiveKey).not.toBeNull();
  expect(await services.blobs.get(archiveKey!)).not.toBeNull();
  const images = await services.db.query({
    collection: IMAGES,
    where: [{ field: "uid", op: "==", value: member.uid }],
  });
  const fileKeys = [...images.flatMap(({ data }) => imageFileKeys(data.fileKey)), archiveKey!];
  const counts = await countByUid(services.db, member.uid);
  for (const kind of [
    "consent-records",
    "orders",
    "refunds",
    "points-ledger",
    "points-accounts",
    "points-reservations",
    "generations",
    "images",
    "idempotency-keys",
    "abuse-records",
    "mail-outbox",
    "processing-restrictions",
    "privacy-requests",
    "data-exports",
    "access-records",
  ]) {
    expect(counts[kind], kind).toBeGreaterThan(0);
  }
  const balance = (await services.db.get(POINT_ACCOUNTS, member.uid))!.data.balance;
  return { member, counts, fileKeys, balance };
}

async function freshToken(member: TestUser): Promise<string> {
  return signInUser(member.email, member.password);
}

async function withdraw(services: Services, member: TestUser) {
  return requestWithdrawal({
    services,
    uid: member.uid,
    input: { idToken: await freshToken(member), confirm: true },
  });
}

/** What a finished withdrawal leaves: nothing naming the member; the legal kinds held under a pseudonym. */
async function expectWithdrawn(services: Services, footprint: Footprint): Promise<void> {
  const { db, blobs, auth } = services;
  const { uid } = footprint.member;
  expect(await countByUid(db, uid)).toEqual({});
  expect(await db.get(MEMBERS, uid)).toBeNull();
  expect(await db.get(POINT_ACCOUNTS, uid)).toBeNull();
  expect(await auth.getUser(uid)).toBeNull();
  for (const id of counterIds(uid)) expect(await db.get(RATE_LIMITS, id)).toBeNull();
  // Kept under a hash of the address, so the pseudonymised hold has no place for them: what
  // the inventory says they do on withdrawal is whether they are still there.
  for (const { collection, id } of addressKeyed(footprint.member.email)) {
    const kept = collection.kind.onWithdrawal !== "delete";
    expect((await db.get(collection, id)) !== null, collection.name).toBe(kept);
  }
  for (const key of footprint.fileKeys) expect(await blobs.get(key), key).toBeNull();

  const subject = memberPseudonym(legalHoldKey(services.config), uid);
  const held = await heldRecordsOf(db, subject);
  const heldCounts: Record<string, number> = {};
  for (const record of held) heldCounts[record.kind] = (heldCounts[record.kind] ?? 0) + 1;
  const legalKinds = BY_UID.filter((h) => h.kind.onWithdrawal === "pseudonymise-and-keep").map((h) => h.kind.id);
  expect(heldCounts).toEqual(Object.fromEntries(legalKinds.map((kind) => [kind, footprint.counts[kind]])));
  expect(JSON.stringify(held)).not.toContain(uid);
  for (const record of held) expect(record.record.uid).toBe(subject);
  const withdrawal = (await db.get(WITHDRAWALS, subject))!.data;
  expect(withdrawal).toMatchObject({ uid: null, status: "done", step: null, pointsLapsed: footprint.balance });
}

describe("closing an account", () => {
  it("destroys every kind marked delete and moves every legal kind to the hold, pseudonymised", async () => {
    const { services } = servicesAt(new Date());
    const footprint = await busyMember(services);
    const bystander = await busyMember(services);

    expect(await withdraw(services, footprint.member)).toEqual({ pointsLapsed: footprint.balance, completed: true });

    await expectWithdrawn(services, footprint);
    expect(await countByUid(services.db, bystander.member.uid)).toEqual(bystander.counts);
    for (const key of bystander.fileKeys) expect(await services.blobs.get(key)).not.toBeNull();
    expect(await services.auth.getUser(bystander.member.uid)).not.toBeNull();
  });

  it("holds each record until its own legal period ends: the order 5 years from the order", async () => {
    const { services } = servicesAt(new Date("2026-05-04T03:00:00Z"));
    const { member } = await busyMember(services);
    await withdraw(services, member);
    const held = await heldRecordsOf(services.db, memberPseudonym(legalHoldKey(config), member.uid));
    const order = held.find((record) => record.kind === "orders")!;
    expect(order.record.createdAt).toBe("2026-05-04T03:00:00.000Z");
    // Kept through 2031-05-04, the day five years on (Civil Act art. 160), destroyed from the next day, in Korea.
    expect(order.holdUntil).toBe(new Date("2031-05-05T00:00:00+09:00").toISOString());
    expect(held.find((record) => record.kind === "abuse-records")!.holdUntil).toBe(
      new Date("2027-05-05T00:00:00+09:00").toISOString(),
    );
  });

  it("uses a pseudonym only the key makes: under another key the same member gets another", async () => {
    const other = servicesAt(new Date(), {}).services;
    const keyed = createServices(
      { ...config, LEGAL_HOLD_KEY: "another-key-of-at-least-32-characters!!" },
      {
        db: shared.db,
        blobs: shared.blobs,
        clock: other.clock,
      },
    );
    const { member, counts } = await busyMember(keyed);
    await withdraw(keyed, member);
    const subject = memberPseudonym("another-key-of-at-least-32-characters!!", member.uid);
    expect(subject).not.toBe(memberPseudonym(legalHoldKey(config), member.uid));
    const held = BY_UID.filter((h) => h.kind.onWithdrawal === "pseudonymise-and-keep").map((h) => h.kind.id);
    expect(held).toContain("privacy-requests");
    expect((await heldRecordsOf(keyed.db, subject)).length).toBe(
      held.reduce((sum, kind) => sum + (counts[kind] ?? 0), 0),
    );
    expect(await heldRecordsOf(keyed.db, memberPseudonym(legalHoldKey(config), member.uid))).toEqual([]);
  });

  it("is idempotent: running it again, or resuming it, changes nothing", async () => {
    const { services } = servicesAt(new Date());
    const footprint = await busyMember(services);
    await withdraw(services, footprint.member);
    const subject = memberPseudonym(legalHoldKey(config), footprint.member.uid);
    const before = await heldRecordsOf(services.db, subject);

    expect(await runWithdrawal({ services, withdrawalId: subject })).toBe("done");
    await resumeWithdrawals({ services });

    expect(await heldRecordsOf(services.db, subject)).toEqual(before);
    await expectWithdrawn(services, footprint);
  });
});

/** The database, but the `n`th update of a withdrawal record fails: a crash right after a step's work. */
function crashingOnStepRecord(db: Database, n: number): Database {
  let updates = 0;
  const crashing = (tx: Transaction): Transaction => ({
    ...tx,
    get: (c, id) => tx.get(c, id),
    query: (q) => tx.query(q),
    create: (c, id, data) => tx.create(c, id, data),
    set: (c, id, data) => tx.set(c, id, data),
    delete: (c, id) => tx.delete(c, id),
    update: (c, id, data) => {
      if ((c as Collection<never>) === (WITHDRAWALS as Collection<never>) && ++updates === n)
        throw new Error("The process died here.");
      tx.update(c, id, data);
    },
  });
  return { ...db, runTransaction: (fn) => db.runTransaction((tx) => fn(crashing(tx))), batch: () => db.batch() };
}

describe("a withdrawal cut short", () => {
  it.each(WITHDRAWAL_STEPS.map((step, index) => [step, index + 1] as const))(
    "after the step %s is finished by the next sweep, leaving no half member",
    async (_step, n) => {
      const { services } = servicesAt(new Date());
      const footprint = await busyMember(services);
      const crashing = createServices(config, {
        db: crashingOnStepRecord(shared.db, n),
        blobs: shared.blobs,
        clock: services.clock,
      });

      expect(await withdraw(crashing, footprint.member)).toMatchObject({ completed: false });
      // Signing in is refused from the first step on.
      await expect(freshToken(footprint.member)).rejects.toThrow(
        /USER_DISABLED|EMAIL_NOT_FOUND|INVALID_LOGIN_CREDENTIALS/,
      );

      expect((await resumeWithdrawals({ services })).failed).toBe(0);
      await expectWithdrawn(services, footprint);
    },
  );

  it("in the middle of deleting files is finished by the next sweep", async () => {
    const { services } = servicesAt(new Date());
    const footprint = await busyMember(services);
    let deletes = 0;
    const failingBlobs = Object.create(shared.blobs) as Services["blobs"];
    failingBlobs.delete = async (key: string) => {
      if (++deletes === 3) throw new Error("Storage went away.");
      return shared.blobs.delete(key);
    };
    const failing = createServices(config, { db: shared.db, blobs: failingBlobs, clock: services.clock });

    expect(await withdraw(failing, footprint.member)).toMatchObject({ completed: false });
    expect(await services.db.get(MEMBERS, footprint.member.uid)).toBeNull();

    await resumeWithdrawals({ services });
    await expectWithdrawn(services, footprint);
  });
});

describe("what a withdrawal asks first", () => {
  it("refuses an ID token from a sign-in more than 5 minutes old", async () => {
    const { services, clock } = servicesAt(new Date());
    const member = await createMember(services);
    const idToken = await freshToken(member);
    clock.advance(6 * 60_000);
    await expectAppError(
      requestWithdrawal({ services, uid: member.uid, input: { idToken, confirm: true } }),
      "UNAUTHENTICATED",
    );
    expect(await services.db.get(MEMBERS, member.uid)).not.toBeNull();
  });

  it("refuses another account's re-authentication, and a missing confirmation", async () => {
    const { services } = servicesAt(new Date());
    const member = await createMember(services);
    const other = await createMember(services);
    await expectAppError(
      requestWithdrawal({ services, uid: member.uid, input: { idToken: await freshToken(other), confirm: true } }),
      "FORBIDDEN",
    );
    await expect(
      requestWithdrawal({ services, uid: member.uid, input: { idToken: await freshToken(member), confirm: false } }),
    ).rejects.toMatchObject({ name: "ZodError" });
    expect(await services.db.get(MEMBERS, member.uid)).not.toBeNull();
  });

  it("waits while a refund request is open, as the terms promise the refund is completed first", async () => {
    const { services, clock } = servicesAt(new Date("2026-03-02T00:00:00Z"));
    const member = await createMember(services);
    const { orderId } = await createOrder({
      services,
      uid: member.uid,
      input: { packageId: "points-1000", provider: "sandbox" },
      idempotencyKey: randomUUID(),
    });
    await completeSandboxPayment({ services, uid: member.uid, orderId });
    clock.advance(8 * DAY_MS);
    expect(await requestRefund({ services, uid: member.uid, orderId, idempotencyKey: randomUUID() })).toMatchObject({
      status: "requested",
    });
    clock.set(new Date());

    const preview = await call(previewRoute, { path: "/api/account/withdrawal", token: await freshToken(member) });
    expect(await preview.json()).toEqual({ pointsLapsing: 1000, paidPointsLapsing: 1000, blockers: ["refund-open"] });
    const refused = await call(withdrawalRoute, {
      method: "POST",
      path: "/api/account/withdrawal",
      token: await freshToken(member),
      body: { idToken: await freshToken(member), confirm: true },
    });
    expect(refused.status).toBe(409);
    expect(await readError(refused)).toMatchObject({ code: "INVALID_STATE", details: { blockers: ["refund-open"] } });
    expect(await services.db.get(MEMBERS, member.uid)).not.toBeNull();
  });

  it("answers through the API with the points that lapsed, and clears the session cookie", async () => {
    const member = await createMember(shared);
    const response = await call(withdrawalRoute, {
      method: "POST",
      path: "/api/account/withdrawal",
      token: await freshToken(member),
      body: { idToken: await freshToken(member), confirm: true },
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ pointsLapsed: 0, completed: true });
    expect(response.headers.get("set-cookie")).toMatch(/Max-Age=0/i);
    expect(await shared.auth.getUser(member.uid)).toBeNull();
  });
});

describe("the legal hold's end", () => {
  it("destroys each held record when its period passes: abuse records after a year, payments after 5", async () => {
    const start = new Date("2026-01-10T00:00:00Z");
    const { services, clock } = servicesAt(start);
    const { member } = await busyMember(services);
    await withdraw(services, member);
    const subject = memberPseudonym(legalHoldKey(config), member.uid);
    const kinds = async () => [...new Set((await heldRecordsOf(services.db, subject)).map((r) => r.kind))].sort();
    expect(await kinds()).toContain("abuse-records");

    clock.set(new Date(start.getTime() + 366 * DAY_MS));
    await purgeExpiredData({ services });
    expect(await kinds()).not.toContain("abuse-records");
    expect(await kinds()).toContain("orders");
    expect(await services.db.get(WITHDRAWALS, subject)).toBeNull();

    clock.set(new Date(start.getTime() + (5 * 365 + 2) * DAY_MS));
    await purgeExpiredData({ services });
    expect(await kinds()).toEqual([]);
  });
});
