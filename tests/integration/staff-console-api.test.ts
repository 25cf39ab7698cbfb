/**
 * The staff use cases through their console APIs, as a signed-in staff member calls
 * them: a deletion request carried out from the queue, an inquiry answered, points
 * adjusted by an admin; the access log names each member touched and still proves.
 */
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { GET as listInquiries } from "../../app/api/staff/inquiries/route";
import { POST as answer } from "../../app/api/staff/inquiries/[id]/answer/route";
import { POST as adjust } from "../../app/api/staff/members/[memberId]/points/route";
import { GET as listRequests } from "../../app/api/staff/privacy-requests/route";
import { POST as execute } from "../../app/api/staff/privacy-requests/[id]/execute/route";
import { MEMBERS } from "../../lib/accounts/members";
import { ORDERS } from "../../lib/orders/order";
import { STAFF_SESSION_COOKIE } from "../../lib/http/session-cookie";
import { filePrivacyRequest } from "../../lib/privacy/file-privacy-request";
import { getServices } from "../../lib/services";
import { STAFF_ACCESS_LOG, staffAccessLogKey } from "../../lib/staff/access-log";
import { verifyAccessLog } from "../../lib/staff/verify-access-log";
import { sendInquiry } from "../../lib/support/send-inquiry";
import { call } from "../support/http";
import { buyPoints, createMember } from "../support/members";
import { createStaff } from "../support/staff";

const services = getServices();

async function actionsOn(memberUid: string): Promise<string[]> {
  const entries = await services.db.query({
    collection: STAFF_ACCESS_LOG,
    where: [{ field: "memberUid", op: "==", value: memberUid }],
  });
  return entries.sort((a, b) => a.data.seq - b.data.seq).map(({ data }) => `${data.action} ${data.outcome}`);
}

describe("the staff console APIs", () => {
  it("carry out a deletion request from the queue, answer an inquiry and adjust points, each logged", async () => {
    const support = await createStaff(services, "support");
    const admin = await createStaff(services, "admin");
    const cookie = (token: string) => `${STAFF_SESSION_COOKIE}=${token}`;

    const leaving = await createMember(services);
    const filed = await filePrivacyRequest({
      services,
      uid: leaving.uid,
      input: { kind: "deletion", dataKind: null, details: "Delete my account." },
    });
    const queue = (await (
      await call(listRequests, { path: "/api/staff/privacy-requests?limit=100", cookie: cookie(support.token) })
    ).json()) as {
      requests: { id: string }[];
    };
    expect(queue.requests.map((request) => request.id)).toContain(filed.id);
    const executed = await call(execute, {
      method: "POST",
      path: `/api/staff/privacy-requests/${filed.id}/execute`,
      params: { id: filed.id },
      cookie: cookie(support.token),
      body: { action: "delete" },
    });
    expect(executed.status).toBe(200);
    expect(await executed.json()).toMatchObject({ action: "delete", repeated: false });
    expect(await services.db.get(MEMBERS, leaving.uid)).toBeNull();
    // Listing the queue showed the member's request: an entry of its own, before the deletion's.
    expect(await actionsOn(leaving.uid)).toEqual(["privacy-requests.list allowed", "privacy-request.execute allowed"]);

    const asking = await createMember(services);
    const inquiry = await sendInquiry({
      services,
      uid: asking.uid,
      input: { kind: "inquiry", message: "Where did my points go?" },
    });
    const inbox = await call(listInquiries, { path: "/api/staff/inquiries?limit=100", cookie: cookie(support.token) });
    expect(((await inbox.json()) as { inquiries: { id: string }[] }).inquiries.map(({ id }) => id)).toContain(
      inquiry.id,
    );
    const answered = await call(answer, {
      method: "POST",
      path: `/api/staff/inquiries/${inquiry.id}/answer`,
      params: { id: inquiry.id },
      cookie: cookie(support.token),
      body: { answer: "They paid for your last generation." },
    });
    expect(answered.status).toBe(200);

    await buyPoints(services, asking.uid);
    const [order] = await services.db.query({
      collection: ORDERS,
      where: [{ field: "uid", op: "==", value: asking.uid }],
    });
    const points = (body: unknown, token: string) =>
      call(adjust, {
        method: "POST",
        path: `/api/staff/members/${asking.uid}/points`,
        params: { memberId: asking.uid },
        cookie: cookie(token),
        headers: { "idempotency-key": randomUUID() },
        body,
      });
    const correction = {
      delta: 50,
      reason: "A generation failed and was charged.",
      correcting: { kind: "order", id: order!.id },
    };
    expect((await points(correction, support.token)).status).toBe(403);
    const adjusted = await points(correction, admin.token);
    expect(adjusted.status).toBe(200);
    expect(await adjusted.json()).toMatchObject({ balance: 1050, repeated: false });
    expect((await points({ ...correction, delta: -5000 }, admin.token)).status).toBe(402);

    // The inbox showed the member's message: that view is the member's entry too.
    expect(await actionsOn(asking.uid)).toEqual([
      "inquiries.list allowed",
      "inquiry.answer allowed",
      "points.adjust allowed",
      "points.adjust allowed",
      "points.adjust failed",
    ]);
    expect(
      (await verifyAccessLog({ db: services.db, key: staffAccessLogKey(services.config), now: services.clock.now() }))
        .broken,
    ).toBeNull();
  });
});
