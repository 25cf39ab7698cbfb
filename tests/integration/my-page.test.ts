/**
 * My page: the rights a member exercises alone (see, correct, consent, restrict,
 * object) and the privacy requests recorded for staff, through the API routes with a
 * real embedded database and the Firebase Auth emulator.
 */
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { GET as getAccountDataRoute } from "../../app/api/account/data/route";
import { POST as marketingConsentRoute } from "../../app/api/account/marketing-consent/route";
import { PUT as nameRoute } from "../../app/api/account/name/route";
import { POST as privacyRequestsRoute } from "../../app/api/account/privacy-requests/route";
import { PUT as restrictionsRoute } from "../../app/api/account/restrictions/route";
import { CONSENT_RECORDS, MEMBERS, type ConsentRecord } from "../../lib/accounts/members";
import { runGenerationJob } from "../../lib/generation/run-generation-job";
import { submitGeneration } from "../../lib/generation/submit-generation";
import { POINT_ACCOUNTS } from "../../lib/points/ledger";
import type { AccountData, AccountDataSection } from "../../lib/privacy/get-account-data";
import { mayReceiveMarketing } from "../../lib/privacy/marketing-permission";
import { closePrivacyRequest } from "../../lib/privacy/close-privacy-request";
import { PRIVACY_REQUESTS, type PrivacyRequest } from "../../lib/privacy/privacy-request";
import { activeRestrictions } from "../../lib/privacy/processing-restriction";
import { recordPrivacyRequest } from "../../lib/privacy/record-privacy-request";
import { CONSENT_TEXTS } from "../../lib/privacy/policy-versions";
import { DATA_INVENTORY } from "../../lib/privacy/data-inventory";
import { getServices } from "../../lib/services";
import { expectAppError } from "../support/app-error-thrown";
import { applyOobCode, requestEmailChange, signInUser } from "../support/firebase-users";
import { call, readError } from "../support/http";
import { buyPoints, createMember } from "../support/members";

const services = getServices();

async function accountData(token: string, language = "en"): Promise<AccountData> {
  const response = await call(getAccountDataRoute, {
    path: "/api/account/data",
    token,
    headers: { "accept-language": language },
  });
  expect(response.status).toBe(200);
  return (await response.json()) as AccountData;
}

function sectionOf(data: AccountData, kind: string): AccountDataSection {
  const found = data.sections.find((section) => section.kind === kind);
  if (!found) throw new Error(`No section ${kind}`);
  return found;
}

async function marketingRecords(uid: string): Promise<ConsentRecord[]> {
  const docs = await services.db.query({
    collection: CONSENT_RECORDS,
    where: [{ field: "uid", op: "==", value: uid }],
  });
  return docs
    .map((doc) => doc.data)
    .filter((record) => record.purpose === "marketing")
    .sort((a, b) => a.recordedAt.localeCompare(b.recordedAt));
}

async function balanceOf(uid: string) {
  return (await services.db.get(POINT_ACCOUNTS, uid))?.data ?? null;
}

async function generate(uid: string): Promise<void> {
  const job = await submitGeneration({
    services,
    uid,
    input: { prompt: "a lighthouse at dusk", model: "local-sketch", size: "512x512", count: 2 },
    idempotencyKey: randomUUID(),
  });
  await runGenerationJob({ services, generationId: job.id, workerId: "my-page-test" });
}

/** A member with a confirmed address and marketing consent, whom marketing may reach. */
async function reachableMember() {
  const member = await createMember(services);
  await applyOobCode(await services.auth.emailVerificationCode(member.email));
  const given = await call(marketingConsentRoute, {
    method: "POST",
    path: "/api/account/marketing-consent",
    token: member.idToken,
    body: { granted: true },
  });
  expect(given.status).toBe(201);
  expect(await mayReceiveMarketing({ services, uid: member.uid })).toEqual({ allowed: true });
  return member;
}

describe("seeing everything held (GET /api/account/data)", () => {
  it("lists every inventory kind, with the member's own records, counts and links, in the language asked for", async () => {
    const member = await createMember(services);
    await buyPoints(services, member.uid);
    await generate(member.uid);
    const other = await createMember(services);
    await buyPoints(services, other.uid);
    await generate(other.uid);

    const data = await accountData(member.idToken);
    expect(data.uid).toBe(member.uid);
    // Every kind the member could have data in is there, in the inventory's order.
    const kinds = data.sections.map((section) => section.kind);
    expect(kinds).toEqual(DATA_INVENTORY.map((kind) => kind.id).filter((id) => kinds.includes(id)));
    for (const id of ["auth-account", "member-profile", "consent-records", "points-accounts", "orders", "images"])
      expect(kinds).toContain(id);

    expect(sectionOf(data, "auth-account").records).toEqual([{ email: member.email, emailVerified: false }]);
    const profile = sectionOf(data, "member-profile");
    expect(profile.title).toBe("Member profile");
    expect(profile.fields.name).toBe("Name given at sign-up");
    expect(profile.records[0]).toMatchObject({ name: "Test Member", marketingOptIn: false });
    expect(sectionOf(data, "consent-records").records).toHaveLength(3);
    expect(sectionOf(data, "points-accounts").records[0]).toMatchObject({
      balance: (await balanceOf(member.uid))?.balance,
    });

    // Images and generations counted, linked to the gallery; only this member's.
    expect(sectionOf(data, "images")).toMatchObject({ total: 2, records: [], link: "/gallery" });
    expect(sectionOf(data, "image-files")).toMatchObject({ total: 2, link: "/gallery" });
    expect(sectionOf(data, "generations")).toMatchObject({ total: 1, records: [], link: "/gallery" });
    // Orders and the ledger summarised, linked to the points page.
    expect(sectionOf(data, "orders")).toMatchObject({ total: 1, records: [], link: "/points" });
    expect(sectionOf(data, "points-ledger").link).toBe("/points");
    expect(sectionOf(data, "points-ledger").total).toBe((await balanceOf(member.uid))?.entryCount);
    expect(JSON.stringify(data)).not.toContain(other.uid);

    const korean = await accountData(member.idToken, "ko");
    expect(sectionOf(korean, "member-profile").title).toBe("회원 정보");
    expect(sectionOf(korean, "member-profile").fields.name).toBe("가입할 때 입력한 이름");
  });

  it("refuses without a session, and before sign-up is completed", async () => {
    const response = await call(getAccountDataRoute, { path: "/api/account/data" });
    expect(response.status).toBe(401);
  });
});

describe("correcting the name (PUT /api/account/name)", () => {
  it("stores a valid name and refuses an invalid one, changing nothing", async () => {
    const member = await createMember(services);
    const changed = await call(nameRoute, {
      method: "PUT",
      path: "/api/account/name",
      token: member.idToken,
      body: { name: "  Lee Seo-yeon " },
    });
    expect(changed.status).toBe(200);
    expect(await changed.json()).toEqual({ name: "Lee Seo-yeon" });
    expect((await services.db.get(MEMBERS, member.uid))?.data.name).toBe("Lee Seo-yeon");

    for (const name of ["", "bad\u202Ename", "x".repeat(81), "line\nbreak"]) {
      const refused = await call(nameRoute, {
        method: "PUT",
        path: "/api/account/name",
        token: member.idToken,
        body: { name },
      });
      expect(refused.status).toBe(422);
      expect((await readError(refused)).code).toBe("VALIDATION_FAILED");
    }
    expect((await services.db.get(MEMBERS, member.uid))?.data.name).toBe("Lee Seo-yeon");
  });
});

describe("correcting the email address (Firebase's verified change)", () => {
  it("reaches the server only once the new address is confirmed", async () => {
    const member = await createMember(services);
    const newAddress = `changed-${randomUUID()}@example.test`;
    const code = await requestEmailChange(await signInUser(member.email, member.password), newAddress);
    // Asked for, not confirmed: the old address is still the one held and used.
    expect(sectionOf(await accountData(member.idToken), "auth-account").records[0]).toMatchObject({
      email: member.email,
    });
    await applyOobCode(code);
    const token = await signInUser(newAddress, member.password);
    expect(sectionOf(await accountData(token), "auth-account").records[0]).toEqual({
      email: newAddress,
      emailVerified: true,
    });
  });
});

describe("marketing consent (POST /api/account/marketing-consent)", () => {
  it("withdraws and gives it again, each change a new record, none overwritten", async () => {
    const member = await createMember(services);
    const atSignUp = await marketingRecords(member.uid);
    expect(atSignUp).toHaveLength(1);
    expect(atSignUp[0]).toMatchObject({ granted: false, method: "sign-up" });

    for (const [granted, locale] of [
      [true, "en"],
      [false, "ko"],
      [true, "ko"],
    ] as const) {
      const response = await call(marketingConsentRoute, {
        method: "POST",
        path: "/api/account/marketing-consent",
        token: member.idToken,
        body: { granted, locale },
      });
      expect(response.status).toBe(201);
      expect((await services.db.get(MEMBERS, member.uid))?.data.marketingOptIn).toBe(granted);
    }
    const records = await marketingRecords(member.uid);
    expect(records).toHaveLength(4);
    expect(records[0]).toEqual(atSignUp[0]);
    expect(records.slice(1).map((record) => [record.granted, record.wording, record.method])).toEqual([
      [true, CONSENT_TEXTS.marketing.wording.en, "my-page"],
      [false, CONSENT_TEXTS.marketing.wording.ko, "my-page"],
      [true, CONSENT_TEXTS.marketing.wording.ko, "my-page"],
    ]);
    for (const record of records) expect(record.policyVersion).toBe(CONSENT_TEXTS.marketing.policyVersion);
  });

  it("refuses a body without a choice", async () => {
    const member = await createMember(services);
    const response = await call(marketingConsentRoute, {
      method: "POST",
      path: "/api/account/marketing-consent",
      token: member.idToken,
      body: { granted: "yes" },
    });
    expect(response.status).toBe(422);
    expect(await marketingRecords(member.uid)).toHaveLength(1);
  });

  it("stops marketing once withdrawn", async () => {
    const member = await reachableMember();
    await call(marketingConsentRoute, {
      method: "POST",
      path: "/api/account/marketing-consent",
      token: member.idToken,
      body: { granted: false },
    });
    expect(await mayReceiveMarketing({ services, uid: member.uid })).toEqual({
      allowed: false,
      reason: "no-consent",
    });
  });
});

async function setRestriction(token: string, kind: string, active: boolean): Promise<Response> {
  return call(restrictionsRoute, { method: "PUT", path: "/api/account/restrictions", token, body: { kind, active } });
}

describe("restricting processing and objecting to marketing (PUT /api/account/restrictions)", () => {
  it("an objection stops marketing whatever the consent says, until the member lifts it", async () => {
    const member = await reachableMember();
    const objected = await setRestriction(member.idToken, "marketing-objection", true);
    expect(objected.status).toBe(200);
    const state = (await objected.json()) as { active: boolean; since: string };
    expect(state.active).toBe(true);
    expect(await mayReceiveMarketing({ services, uid: member.uid })).toEqual({ allowed: false, reason: "objected" });
    // Asking again keeps the first record and its time.
    expect(await (await setRestriction(member.idToken, "marketing-objection", true)).json()).toEqual(state);
    expect(await activeRestrictions(services.db, member.uid)).toHaveLength(1);

    expect((await setRestriction(member.idToken, "marketing-objection", false)).status).toBe(200);
    expect(await mayReceiveMarketing({ services, uid: member.uid })).toEqual({ allowed: true });
    const history = sectionOf(await accountData(member.idToken), "processing-restrictions").records;
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ kind: "marketing-objection", startedAt: state.since });
    expect(history[0]?.liftedAt).toEqual(expect.any(String));
  });

  it("a restriction stops new generations before the prompt reaches any provider, and marketing, until lifted", async () => {
    const member = await reachableMember();
    await buyPoints(services, member.uid);
    const before = await balanceOf(member.uid);
    expect((await setRestriction(member.idToken, "restriction", true)).status).toBe(200);

    const refused = await expectAppError(
      submitGeneration({
        services,
        uid: member.uid,
        input: { prompt: "nsfw but never judged", model: "local-sketch", size: "512x512", count: 1 },
        idempotencyKey: randomUUID(),
      }),
      "PROCESSING_RESTRICTED",
    );
    expect(refused.messageKey).toBe("privacy.restricted");
    // Nothing reserved, and the prompt was not judged (a judged refusal would have left an abuse record).
    expect(await balanceOf(member.uid)).toEqual(before);
    const data = await accountData(member.idToken);
    expect(sectionOf(data, "abuse-records").total).toBe(0);
    expect(sectionOf(data, "generations").total).toBe(0);
    expect(await mayReceiveMarketing({ services, uid: member.uid })).toEqual({ allowed: false, reason: "restricted" });

    expect((await setRestriction(member.idToken, "restriction", false)).status).toBe(200);
    await generate(member.uid);
    expect(sectionOf(await accountData(member.idToken), "images").total).toBe(2);
    expect(await mayReceiveMarketing({ services, uid: member.uid })).toEqual({ allowed: true });
  });

  it("refuses a kind the member cannot set alone", async () => {
    const member = await createMember(services);
    const response = await setRestriction(member.idToken, "disputed", true);
    expect(response.status).toBe(422);
    expect(await activeRestrictions(services.db, member.uid)).toEqual([]);
  });
});

describe("privacy requests", () => {
  it("a correction filed on My page is due in 10 days, and keeps the disputed data out of marketing until closed", async () => {
    const member = await reachableMember();
    const response = await call(privacyRequestsRoute, {
      method: "POST",
      path: "/api/account/privacy-requests",
      token: member.idToken,
      body: { kind: "correction", dataKind: "member-profile", details: "My sign-up date is wrong." },
    });
    expect(response.status).toBe(201);
    const filed = (await response.json()) as { id: string } & PrivacyRequest;
    expect(filed).toMatchObject({ kind: "correction", channel: "my-page", status: "open", uid: member.uid });
    expect(Date.parse(filed.dueAt) - Date.parse(filed.receivedAt)).toBe(10 * 86_400_000);
    expect(await mayReceiveMarketing({ services, uid: member.uid })).toEqual({ allowed: false, reason: "disputed" });
    expect(sectionOf(await accountData(member.idToken), "privacy-requests").records).toEqual([
      expect.objectContaining({ id: filed.id, kind: "correction", dueAt: filed.dueAt }),
    ]);

    await closePrivacyRequest({
      services,
      actor: { uid: "staff-my-page-test", role: "support" },
      requestId: filed.id,
      input: { outcome: "completed" },
    });
    expect((await services.db.get(PRIVACY_REQUESTS, filed.id))?.data).toMatchObject({ status: "closed" });
    expect(await mayReceiveMarketing({ services, uid: member.uid })).toEqual({ allowed: true });
  });

  it("a dispute about data marketing does not use leaves marketing alone", async () => {
    const member = await reachableMember();
    const response = await call(privacyRequestsRoute, {
      method: "POST",
      path: "/api/account/privacy-requests",
      token: member.idToken,
      body: { kind: "correction", dataKind: "orders", details: "An order shows the wrong package." },
    });
    expect(response.status).toBe(201);
    expect(await mayReceiveMarketing({ services, uid: member.uid })).toEqual({ allowed: true });
  });

  it("refuses a correction that names no kind of data, an unknown kind, and an empty description", async () => {
    const member = await createMember(services);
    for (const body of [
      { kind: "correction", details: "Something is wrong." },
      { kind: "correction", dataKind: "shoe-size", details: "Something is wrong." },
      { kind: "other", details: "   " },
    ]) {
      const response = await call(privacyRequestsRoute, {
        method: "POST",
        path: "/api/account/privacy-requests",
        token: member.idToken,
        body,
      });
      expect(response.status).toBe(422);
    }
    const filed = await services.db.query({
      collection: PRIVACY_REQUESTS,
      where: [{ field: "uid", op: "==", value: member.uid }],
    });
    expect(filed).toEqual([]);
  });

  it("records a request by post through an agent with a power of attorney, due 10 days after it arrived", async () => {
    const member = await createMember(services);
    const receivedAt = new Date(Date.now() - 3 * 86_400_000).toISOString();
    const recorded = await recordPrivacyRequest({
      services,
      input: {
        kind: "access",
        channel: "post",
        receivedAt,
        uid: member.uid,
        dataKind: null,
        details: "Copy of all data held, by letter.",
        requesterName: "Test Member",
        requesterContact: "12 Sejong-daero, Seoul",
        agentName: "Park Attorney",
      },
    });
    expect(recorded).toMatchObject({ channel: "post", agentName: "Park Attorney", receivedAt, status: "open" });
    expect(recorded.dueAt).toBe(new Date(Date.parse(receivedAt) + 10 * 86_400_000).toISOString());
    expect((await services.db.get(PRIVACY_REQUESTS, recorded.id))?.data).toEqual(
      Object.fromEntries(Object.entries(recorded).filter(([field]) => field !== "id")),
    );
  });

  it("refuses a request said to arrive in the future, and one filed as from My page", async () => {
    const base = {
      kind: "deletion",
      channel: "email",
      uid: null,
      dataKind: null,
      details: "Delete my account.",
      requesterName: "Someone",
      requesterContact: "someone@example.test",
      agentName: null,
    };
    await expectAppError(
      recordPrivacyRequest({
        services,
        input: { ...base, receivedAt: new Date(Date.now() + 86_400_000).toISOString() },
      }),
      "VALIDATION_FAILED",
    );
    await expect(
      recordPrivacyRequest({ services, input: { ...base, channel: "my-page", receivedAt: new Date().toISOString() } }),
    ).rejects.toThrow(ZodError);
  });
});
