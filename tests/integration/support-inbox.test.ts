/**
 * The support inbox: members write from My page (the API route), staff list and answer,
 * the member sees the answer and is mailed it; the records outlive a withdrawal
 * pseudonymised, as complaint records the law keeps.
 */
import { describe, expect, it } from "vitest";
import { GET as listRoute, POST as sendRoute } from "../../app/api/account/inquiries/route";
import { INQUIRIES_PER_ACCOUNT } from "../../lib/abuse/rate-limit";
import { deliverMailOutbox } from "../../lib/mail/deliver-mail-outbox";
import { heldRecordId, legalHoldKey } from "../../lib/privacy/legal-hold";
import { LEGAL_HOLD } from "../../lib/privacy/legal-hold-record";
import { getServices } from "../../lib/services";
import type { StaffActor } from "../../lib/staff/staff-actor";
import { answerInquiry } from "../../lib/support/answer-inquiry";
import { listOpenInquiries } from "../../lib/support/list-open-inquiries";
import { SUPPORT_INQUIRIES, INQUIRY_MAX_LENGTH, type SupportInquiry } from "../../lib/support/support-inquiry";
import { requestWithdrawal } from "../../lib/withdrawal/request-withdrawal";
import { expectAppError } from "../support/app-error-thrown";
import { applyOobCode, signInUser, type TestUser } from "../support/firebase-users";
import { call, readError } from "../support/http";
import { createMember } from "../support/members";

const services = getServices();
const staff: StaffActor = { uid: "staff-inbox-test", role: "support" };

function send(member: TestUser, body: unknown) {
  return call(sendRoute, { method: "POST", path: "/api/account/inquiries", token: member.idToken, body });
}

async function mine(member: TestUser) {
  const response = await call(listRoute, { path: "/api/account/inquiries", token: member.idToken });
  expect(response.status).toBe(200);
  return ((await response.json()) as { inquiries: ({ id: string } & SupportInquiry)[] }).inquiries;
}

async function storedOf(uid: string) {
  return services.db.query({ collection: SUPPORT_INQUIRIES, where: [{ field: "uid", op: "==", value: uid }] });
}

describe("the support inbox", () => {
  it("a complaint sent from My page is listed for staff, answered, mailed and shown to its member only", async () => {
    const member = await createMember(services);
    await applyOobCode(await services.auth.emailVerificationCode(member.email));
    const other = await createMember(services);
    const response = await send(member, { kind: "complaint", message: "  My images never arrived.\r\nPlease check. " });
    expect(response.status).toBe(201);
    const sent = (await response.json()) as { id: string } & SupportInquiry;
    expect(sent).toMatchObject({
      kind: "complaint",
      message: "My images never arrived.\nPlease check.",
      status: "open",
    });
    expect(await mine(other)).toEqual([]);

    const open = [];
    let cursor: string | undefined;
    do {
      const page = await listOpenInquiries({ services, page: { limit: 50, ...(cursor ? { cursor } : {}) } });
      open.push(...page.inquiries);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(open.map((inquiry) => inquiry.id)).toContain(sent.id);
    expect(open.map((inquiry) => inquiry.createdAt)).toEqual(open.map((inquiry) => inquiry.createdAt).sort());

    const answer = "We found the job and sent the images again.";
    const answered = await answerInquiry({ services, actor: staff, inquiryId: sent.id, input: { answer } });
    expect(answered).toMatchObject({ status: "answered", answer, answeredBy: staff.uid });
    expect(await answerInquiry({ services, actor: staff, inquiryId: sent.id, input: { answer } })).toEqual(answered);
    await expectAppError(
      answerInquiry({ services, actor: staff, inquiryId: sent.id, input: { answer: "Something else." } }),
      "INVALID_STATE",
    );
    await expectAppError(
      answerInquiry({ services, actor: staff, inquiryId: "no-such-inquiry", input: { answer } }),
      "NOT_FOUND",
    );
    expect(await mine(member)).toEqual([expect.objectContaining({ id: sent.id, status: "answered", answer })]);

    await deliverMailOutbox({ services, limit: 500 });
    const mails = (await services.localMailbox!.list()).filter(
      (mail) => mail.to === member.email && mail.kind === "inquiry-answered",
    );
    expect(mails).toHaveLength(1);
    expect(mails[0]?.subject).toBe("불만 사항에 답변 드립니다");
    expect(mails[0]?.text).toContain(answer);
  });

  it("refuses an empty message, one too long and an unknown kind with a clear error, storing nothing", async () => {
    const member = await createMember(services);
    const cases: [unknown, string][] = [
      [{ kind: "inquiry", message: " \n " }, "message"],
      [{ kind: "inquiry", message: "x".repeat(INQUIRY_MAX_LENGTH + 1) }, "message"],
      [{ kind: "praise", message: "Nice." }, "kind"],
    ];
    for (const [body, field] of cases) {
      const response = await send(member, body);
      expect(response.status).toBe(422);
      const error = await readError(response);
      expect(JSON.stringify(error.details)).toContain(field);
    }
    const tooLong = await readError(
      await send(member, { kind: "inquiry", message: "y".repeat(INQUIRY_MAX_LENGTH + 1) }),
    );
    expect(tooLong.message).toBe("문의 내용은 4,000자까지 입력할 수 있습니다.");
    expect(await storedOf(member.uid)).toEqual([]);
  });

  it(`allows ${INQUIRIES_PER_ACCOUNT.limit} a day, then answers 429 and stores nothing`, async () => {
    const member = await createMember(services);
    for (let i = 0; i < INQUIRIES_PER_ACCOUNT.limit; i++)
      expect((await send(member, { kind: "inquiry", message: `Question ${i}` })).status).toBe(201);
    const refused = await send(member, { kind: "inquiry", message: "One more" });
    expect(refused.status).toBe(429);
    expect(await storedOf(member.uid)).toHaveLength(INQUIRIES_PER_ACCOUNT.limit);
  });

  it("outlives the member's withdrawal in the legal hold, with no uid left in it", async () => {
    const member = await createMember(services);
    const sent = (await (await send(member, { kind: "complaint", message: "Refund me." })).json()) as { id: string };
    const idToken = await signInUser(member.email, member.password);
    await requestWithdrawal({ services, uid: member.uid, input: { idToken, confirm: true } });
    expect(await storedOf(member.uid)).toEqual([]);
    const held = await services.db.get(
      LEGAL_HOLD,
      heldRecordId(legalHoldKey(services.config), "support-inquiries", sent.id),
    );
    expect(held?.data.record).toMatchObject({ kind: "complaint", message: "Refund me.", status: "open" });
    expect(JSON.stringify(held?.data)).not.toContain(member.uid);
  });
});
