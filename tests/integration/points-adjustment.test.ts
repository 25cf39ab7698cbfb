/**
 * Staff adjustments of points: a new ledger entry with a reason and a link to what it
 * corrects, bonus points when credited, never below zero, idempotent by key, and a
 * ledger that still proves exact, also when a debit races a generation for the same points.
 */
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { submitGeneration } from "../../lib/generation/submit-generation";
import { ORDERS } from "../../lib/orders/order";
import { adjustPoints } from "../../lib/points/adjust-points";
import { POINT_ACCOUNTS, POINT_ENTRIES } from "../../lib/points/ledger";
import { verifyLedger } from "../../lib/points/verify-ledger";
import { getServices } from "../../lib/services";
import type { StaffActor } from "../../lib/staff/staff-actor";
import { expectAppError } from "../support/app-error-thrown";
import { buyPoints, createMember } from "../support/members";

const services = getServices();
const staff: StaffActor = { uid: "staff-adjustment-test", role: "admin" };

async function accountOf(uid: string) {
  return (await services.db.get(POINT_ACCOUNTS, uid))?.data;
}

async function orderOf(uid: string): Promise<string> {
  const [order] = await services.db.query({ collection: ORDERS, where: [{ field: "uid", op: "==", value: uid }] });
  return order!.id;
}

async function ledgerProblemsOf(uid: string) {
  return (await verifyLedger({ db: services.db })).problems.filter((problem) => problem.uid === uid);
}

describe("adjusting points (staff)", () => {
  it("credits bonus points with the reason, the link and who did it; the same key does it once", async () => {
    const member = await createMember(services);
    await buyPoints(services, member.uid);
    const before = (await accountOf(member.uid))!;
    const orderId = await orderOf(member.uid);
    const request = {
      services,
      actor: staff,
      uid: member.uid,
      delta: 150,
      reason: "Two images of the order failed to arrive.",
      correcting: { kind: "order" as const, id: orderId },
      idempotencyKey: `adjust-${randomUUID()}`,
    };
    const first = await adjustPoints(request);
    expect(first).toMatchObject({
      balance: before.balance + 150,
      freeBalance: before.freeBalance + 150,
      repeated: false,
    });
    expect((await services.db.get(POINT_ENTRIES, first.entryId))?.data).toMatchObject({
      kind: "adjustment",
      amount: 150,
      freeAmount: 150,
      reason: request.reason,
      correcting: `order:${orderId}`,
      adjustedBy: staff.uid,
    });
    expect(await adjustPoints(request)).toMatchObject({ entryId: first.entryId, repeated: true });
    expect((await accountOf(member.uid))?.balance).toBe(before.balance + 150);
    await expectAppError(adjustPoints({ ...request, delta: 151 }), "IDEMPOTENCY_KEY_REUSED");
    expect(await ledgerProblemsOf(member.uid)).toEqual([]);
  });

  it("refuses a debit below zero and a link to another member's record, changing nothing", async () => {
    const member = await createMember(services);
    await buyPoints(services, member.uid);
    const other = await createMember(services);
    await buyPoints(services, other.uid);
    const before = (await accountOf(member.uid))!;
    const base = {
      services,
      actor: staff,
      uid: member.uid,
      reason: "Correction.",
      correcting: { kind: "order" as const, id: await orderOf(member.uid) },
    };
    const refused = await expectAppError(
      adjustPoints({ ...base, delta: -(before.balance + 1), idempotencyKey: `adjust-${randomUUID()}` }),
      "INSUFFICIENT_POINTS",
    );
    expect(refused.details).toEqual({ required: before.balance + 1, balance: before.balance });
    await expectAppError(
      adjustPoints({
        ...base,
        delta: -10,
        correcting: { kind: "order", id: await orderOf(other.uid) },
        idempotencyKey: `adjust-${randomUUID()}`,
      }),
      "NOT_FOUND",
    );
    await expectAppError(
      adjustPoints({
        ...base,
        delta: -10,
        correcting: { kind: "ledger-entry", id: "no-such-entry" },
        idempotencyKey: `adjust-${randomUUID()}`,
      }),
      "NOT_FOUND",
    );
    expect(await accountOf(member.uid)).toEqual(before);

    // A debit takes paid points first, and the ledger still proves exact.
    const debit = await adjustPoints({ ...base, delta: -100, idempotencyKey: `adjust-${randomUUID()}` });
    expect(debit).toMatchObject({ balance: before.balance - 100, freeBalance: before.freeBalance });
    expect(await ledgerProblemsOf(member.uid)).toEqual([]);
  });

  it("a debit of the whole balance racing a generation: one of them wins, the balance never goes below zero", async () => {
    const member = await createMember(services);
    await buyPoints(services, member.uid);
    const { balance } = (await accountOf(member.uid))!;
    const [adjustment, generation] = await Promise.allSettled([
      adjustPoints({
        services,
        actor: staff,
        uid: member.uid,
        delta: -balance,
        reason: "Points credited by mistake.",
        correcting: { kind: "order", id: await orderOf(member.uid) },
        idempotencyKey: `adjust-${randomUUID()}`,
      }),
      submitGeneration({
        services,
        uid: member.uid,
        input: { prompt: "a lantern in the rain", model: "local-sketch", size: "512x512", count: 1 },
        idempotencyKey: randomUUID(),
      }),
    ]);
    const outcomes = [adjustment.status, generation.status].sort();
    expect(outcomes).toEqual(["fulfilled", "rejected"]);
    const loser = adjustment.status === "rejected" ? adjustment : generation;
    expect((loser as PromiseRejectedResult).reason).toMatchObject({ code: "INSUFFICIENT_POINTS" });
    expect((await accountOf(member.uid))!.balance).toBeGreaterThanOrEqual(0);
    expect(await ledgerProblemsOf(member.uid)).toEqual([]);
  });
});
