/**
 * The staff side of privacy requests: the queue ordered by deadline (on the embedded
 * database and on the Firestore emulator), the check of an agent's power of attorney,
 * requests carried out through My page's own use cases, closing with the outcome, and
 * the member told by mail in their language.
 */
import { mkdtempSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { MEMBERS } from "../../lib/accounts/members";
import { getServerConfig } from "../../lib/config/env";
import { deliverMailOutbox } from "../../lib/mail/deliver-mail-outbox";
import { MAIL_OUTBOX } from "../../lib/mail/mail-outbox";
import { checkAgentAuthority } from "../../lib/privacy/check-agent-authority";
import { closePrivacyRequest } from "../../lib/privacy/close-privacy-request";
import { DATA_EXPORTS } from "../../lib/privacy/data-export";
import { executePrivacyRequest } from "../../lib/privacy/execute-privacy-request";
import { filePrivacyRequest } from "../../lib/privacy/file-privacy-request";
import { heldRecordId, legalHoldKey } from "../../lib/privacy/legal-hold";
import { LEGAL_HOLD } from "../../lib/privacy/legal-hold-record";
import { listPrivacyRequests, type QueuedPrivacyRequest } from "../../lib/privacy/list-privacy-requests";
import { PRIVACY_REQUESTS, type PrivacyRequestKind } from "../../lib/privacy/privacy-request";
import { activeRestrictions } from "../../lib/privacy/processing-restriction";
import { recordPrivacyRequest } from "../../lib/privacy/record-privacy-request";
import { createServices, getServices, type Services } from "../../lib/services";
import type { StaffActor } from "../../lib/staff/staff-actor";
import { expectAppError } from "../support/app-error-thrown";
import { applyOobCode, type TestUser } from "../support/firebase-users";
import { createMember } from "../support/members";

const services = getServices();
const staff: StaffActor = { uid: "staff-privacy-queue-test", role: "support" };
const DAY = 86_400_000;

function daysAgo(days: number): string {
  return new Date(Date.now() - days * DAY).toISOString();
}

async function record(
  on: Services,
  options: { kind: PrivacyRequestKind; uid: string | null; receivedAt?: string; agentName?: string | null },
) {
  return recordPrivacyRequest({
    services: on,
    input: {
      kind: options.kind,
      channel: "email",
      receivedAt: options.receivedAt ?? daysAgo(1),
      uid: options.uid,
      dataKind: null,
      details: "Please act on my personal data.",
      requesterName: "Requester",
      requesterContact: "requester@example.test",
      agentName: options.agentName ?? null,
    },
  });
}

/** A member whose address is confirmed, so that mail reaches them. */
async function mailableMember(): Promise<TestUser> {
  const member = await createMember(services);
  await applyOobCode(await services.auth.emailVerificationCode(member.email));
  return member;
}

async function mailsTo(email: string) {
  return (await services.localMailbox!.list()).filter(
    (mail) => mail.to === email && mail.kind === "privacy-request-outcome",
  );
}

/** Every open request in the queue, page by page (the shared Firestore emulator holds other tests' too). */
async function wholeQueue(on: Services, limit: number): Promise<QueuedPrivacyRequest[][]> {
  const pages: QueuedPrivacyRequest[][] = [];
  let cursor: string | undefined;
  do {
    const page = await listPrivacyRequests({ services: on, page: { limit, ...(cursor ? { cursor } : {}) } });
    pages.push(page.requests);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return pages;
}

async function expectQueueOrder(on: Services): Promise<void> {
  const member = await createMember(on);
  const soon = await record(on, { kind: "access", uid: member.uid, receivedAt: daysAgo(8) });
  const later = await record(on, { kind: "access", uid: member.uid, receivedAt: daysAgo(1) });
  const overdue = await record(on, { kind: "deletion", uid: member.uid, receivedAt: daysAgo(12) });
  const closed = await record(on, { kind: "other", uid: member.uid, receivedAt: daysAgo(20) });
  await closePrivacyRequest({
    services: on,
    actor: staff,
    requestId: closed.id,
    input: { outcome: "answered", note: "We hold no such data." },
  });

  const pages = await wholeQueue(on, 2);
  expect(pages.every((page) => page.length <= 2)).toBe(true);
  const mine = pages.flat().filter((request) => request.uid === member.uid);
  expect(mine.map(({ id, overdue }) => ({ id, overdue }))).toEqual([
    { id: overdue.id, overdue: true },
    { id: soon.id, overdue: false },
    { id: later.id, overdue: false },
  ]);
  const all = pages.flat();
  expect(all.every((request) => request.status === "open")).toBe(true);
  expect(all.map((request) => request.dueAt)).toEqual(all.map((request) => request.dueAt).sort());
}

describe("the privacy-request queue", () => {
  it("lists open requests only, overdue first, then by deadline, page by page (embedded database)", async () => {
    const directory = mkdtempSync(join(getServerConfig().DATA_DIR, "privacy-queue-"));
    const own = createServices({ ...getServerConfig(), sqliteFile: join(directory, "db.sqlite") });
    await expectQueueOrder(own);
    const pages = await wholeQueue(own, 2);
    expect(pages.map((page) => page.length)).toEqual([2, 1]);
  });

  const emulatorHost = process.env.FIRESTORE_EMULATOR_HOST;
  it.skipIf(!emulatorHost)("orders the same way on the Firestore emulator, with its declared index", async () => {
    await expectQueueOrder(createServices({ ...getServerConfig(), DATABASE: "firestore" }));
  });

  it("refuses a cursor that does not decode", async () => {
    await expectAppError(listPrivacyRequests({ services, page: { cursor: "not-a-cursor" } }), "VALIDATION_FAILED");
  });
});

describe("an agent's power of attorney (PIPA art. 38)", () => {
  it("must be verified before anything is done; the check names the documents and who checked", async () => {
    const member = await mailableMember();
    const request = await record(services, { kind: "access", uid: member.uid, agentName: "Park Attorney" });
    expect(request.agentCheck).toBe("pending");
    await expectAppError(
      executePrivacyRequest({ services, actor: staff, requestId: request.id, input: { action: "export" } }),
      "INVALID_STATE",
    );
    await expectAppError(
      closePrivacyRequest({ services, actor: staff, requestId: request.id, input: { outcome: "completed" } }),
      "INVALID_STATE",
    );

    const input = { decision: "verified", document: "Power of attorney with seal certificate, principal's ID copy" };
    const checked = await checkAgentAuthority({ services, actor: staff, requestId: request.id, input });
    expect(checked).toMatchObject({
      agentCheck: "verified",
      agentDocument: input.document,
      agentCheckedBy: staff.uid,
      agentRefusalReason: null,
    });
    // The same decision again changes nothing; a different one is refused.
    await checkAgentAuthority({
      services,
      actor: { uid: "another-staff", role: "admin" },
      requestId: request.id,
      input,
    });
    expect((await services.db.get(PRIVACY_REQUESTS, request.id))?.data.agentCheckedBy).toBe(staff.uid);
    await expectAppError(
      checkAgentAuthority({
        services,
        actor: staff,
        requestId: request.id,
        input: { decision: "refused", document: "x", reason: "Forged." },
      }),
      "INVALID_STATE",
    );

    const executed = await executePrivacyRequest({
      services,
      actor: staff,
      requestId: request.id,
      input: { action: "export" },
    });
    expect(executed).toMatchObject({ repeated: false, memberMailed: true, withdrawal: null });
    expect(
      await executePrivacyRequest({ services, actor: staff, requestId: request.id, input: { action: "export" } }),
    ).toMatchObject({ repeated: true });
    const exports = await services.db.query({
      collection: DATA_EXPORTS,
      where: [{ field: "uid", op: "==", value: member.uid }],
    });
    expect(exports).toHaveLength(1);
    expect((await services.db.get(PRIVACY_REQUESTS, request.id))?.data).toMatchObject({
      status: "closed",
      outcome: "completed",
      executedAction: "export",
      closedBy: staff.uid,
    });

    await deliverMailOutbox({ services, limit: 500 });
    const [mail, ...more] = await mailsTo(member.email);
    expect(more).toEqual([]);
    // createMember signs up in Korean: the member's mail is in Korean.
    expect(mail?.subject).toBe("개인정보 관련 요청의 처리 결과를 알려 드립니다");
    expect(mail?.text).toContain("개인정보 열람 요청을 받았습니다");
    expect(mail?.text).toContain("요청하신 대로 처리했습니다.");
  });

  it("refused: the reason is recorded, nothing can be carried out, and the request is closed as refused", async () => {
    const member = await mailableMember();
    await services.db.runTransaction(async (tx) => tx.update(MEMBERS, member.uid, { locale: "en" }));
    const request = await record(services, { kind: "restriction", uid: member.uid, agentName: "Kim Agent" });
    await checkAgentAuthority({
      services,
      actor: staff,
      requestId: request.id,
      input: { decision: "refused", document: "Unsigned letter", reason: "The letter is not signed by the member." },
    });
    await expectAppError(
      executePrivacyRequest({ services, actor: staff, requestId: request.id, input: { action: "restrict" } }),
      "INVALID_STATE",
    );
    expect(await activeRestrictions(services.db, member.uid)).toEqual([]);
    await expectAppError(
      closePrivacyRequest({ services, actor: staff, requestId: request.id, input: { outcome: "refused" } }),
      "VALIDATION_FAILED",
    );
    const note = "We could not confirm that Kim Agent may act for you. Send a signed power of attorney.";
    const closed = await closePrivacyRequest({
      services,
      actor: staff,
      requestId: request.id,
      input: { outcome: "refused", note },
    });
    expect(closed).toMatchObject({ status: "closed", outcome: "refused", outcomeNote: note, executedAction: null });

    await deliverMailOutbox({ services, limit: 500 });
    const [mail] = await mailsTo(member.email);
    expect(mail?.subject).toBe("Our answer to your privacy request");
    expect(mail?.text).toContain("you asked to restrict the processing of your data.");
    expect(mail?.text).toContain(note);
  });
});

describe("carrying out a request with My page's own use cases", () => {
  it("a name correction changes the name and lifts the dispute its request started", async () => {
    const member = await mailableMember();
    const filed = await filePrivacyRequest({
      services,
      uid: member.uid,
      input: { kind: "correction", dataKind: "member-profile", details: "My name is Lee Minji." },
    });
    expect(await activeRestrictions(services.db, member.uid)).toMatchObject([{ kind: "disputed" }]);
    await executePrivacyRequest({
      services,
      actor: staff,
      requestId: filed.id,
      input: { action: "correct-name", name: "  Lee Minji " },
    });
    expect((await services.db.get(MEMBERS, member.uid))?.data.name).toBe("Lee Minji");
    expect(await activeRestrictions(services.db, member.uid)).toEqual([]);
  });

  it("a restriction and an objection start the member's own restriction records", async () => {
    const member = await mailableMember();
    const restriction = await record(services, { kind: "restriction", uid: member.uid });
    const objection = await record(services, { kind: "objection", uid: member.uid });
    await executePrivacyRequest({ services, actor: staff, requestId: restriction.id, input: { action: "restrict" } });
    await executePrivacyRequest({ services, actor: staff, requestId: objection.id, input: { action: "object" } });
    const kinds = (await activeRestrictions(services.db, member.uid)).map((r) => r.kind).sort();
    expect(kinds).toEqual(["marketing-objection", "restriction"]);
  });

  it("refuses an action that does not answer the request, and a request matched to no member", async () => {
    const member = await mailableMember();
    const access = await record(services, { kind: "access", uid: member.uid });
    await expectAppError(
      executePrivacyRequest({ services, actor: staff, requestId: access.id, input: { action: "delete" } }),
      "INVALID_STATE",
    );
    expect(await services.db.get(MEMBERS, member.uid)).not.toBeNull();
    const unmatched = await record(services, { kind: "access", uid: null });
    await expectAppError(
      executePrivacyRequest({ services, actor: staff, requestId: unmatched.id, input: { action: "export" } }),
      "INVALID_STATE",
    );
    await expectAppError(
      executePrivacyRequest({ services, actor: staff, requestId: "no-such-request", input: { action: "export" } }),
      "NOT_FOUND",
    );
  });

  it("a deletion is the withdrawal: the member is told first, the request is held with their records, and a second run does nothing", async () => {
    const member = await mailableMember();
    const request = await record(services, { kind: "deletion", uid: member.uid });
    const executed = await executePrivacyRequest({
      services,
      actor: staff,
      requestId: request.id,
      input: { action: "delete" },
    });
    expect(executed).toMatchObject({ repeated: false, memberMailed: true, withdrawal: { completed: true } });
    expect(await services.db.get(MEMBERS, member.uid)).toBeNull();
    expect(await services.auth.getUser(member.uid)).toBeNull();
    expect(await services.db.get(PRIVACY_REQUESTS, request.id)).toBeNull();
    const held = await services.db.get(
      LEGAL_HOLD,
      heldRecordId(legalHoldKey(services.config), "privacy-requests", request.id),
    );
    expect(held?.data.record).toMatchObject({ status: "closed", outcome: "completed", executedAction: "delete" });
    expect(JSON.stringify(held?.data)).not.toContain(member.uid);
    const [mail] = await mailsTo(member.email);
    expect(mail?.text).toContain("개인정보 삭제와 회원 탈퇴 요청을 받았습니다");
    expect(await services.db.get(MAIL_OUTBOX, `privacy-request-outcome-${request.id}`)).toBeNull();

    expect(
      await executePrivacyRequest({ services, actor: staff, requestId: request.id, input: { action: "delete" } }),
    ).toMatchObject({ repeated: true, withdrawal: null });
    expect(await mailsTo(member.email)).toHaveLength(1);
  });
});
