/**
 * Closing a generation (charge what was made, release the rest) is one step shared by
 * the worker, recovery and cancel. A job whose reservation is missing has no points
 * held to settle or release: every path still closes it (failed, "reservation_missing",
 * no points moved) and reports it (an error, logged with ids only), so it never stays
 * open forever, crowds out the recovery of other jobs, or outlives its retention.
 */
import { randomUUID } from "node:crypto";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { DAY_MS, ManualClock } from "../../lib/clock/clock";
import { getServerConfig } from "../../lib/config/env";
import { cancelGeneration } from "../../lib/generation/cancel-generation";
import { GENERATIONS, type GenerationJob } from "../../lib/generation/generation-job";
import { QUEUE_TIMEOUT_MS, recoverStalledGenerations } from "../../lib/generation/recover-stalled-generations";
import { runGenerationJob } from "../../lib/generation/run-generation-job";
import { submitGeneration } from "../../lib/generation/submit-generation";
import { POINT_ACCOUNTS, POINT_ENTRIES, type PointEntry } from "../../lib/points/ledger";
import { RESERVATIONS } from "../../lib/points/reservations";
import { verifyLedger } from "../../lib/points/verify-ledger";
import { purgeExpiredData } from "../../lib/privacy/purge-expired-data";
import { createServices, getServices, type Services } from "../../lib/services";
import { captureLogs, type CapturedLogs } from "../support/captured-logs";
import type { TestUser } from "../support/firebase-users";
import { buyPoints, createMember } from "../support/members";

const clock = new ManualClock(new Date());
const services: Services = createServices(getServerConfig(), { db: getServices().db, clock });
const SECRET_PROMPT = "a prompt that must never reach the logs";

let member: TestUser;
let logs: CapturedLogs | undefined;

beforeAll(async () => {
  member = await createMember(services);
  await buyPoints(services, member.uid);
});

afterEach(() => {
  logs?.restore();
  logs = undefined;
});

async function submit(prompt = SECRET_PROMPT): Promise<string> {
  const { id } = await submitGeneration({
    services,
    uid: member.uid,
    input: { prompt, model: "local-sketch", size: "512x512", count: 1 },
    idempotencyKey: randomUUID(),
  });
  return id;
}

/** A worker took the job for its last attempt and died: its lease has run out. */
async function strandOnLastAttempt(id: string): Promise<void> {
  await services.db.runTransaction(async (tx) =>
    tx.update(GENERATIONS, id, {
      status: "running",
      attempts: services.config.JOB_MAX_ATTEMPTS,
      leaseOwner: "a dead worker",
      leaseExpiresAt: clock.now().toISOString(),
      startedAt: clock.now().toISOString(),
    }),
  );
}

async function loseReservation(id: string): Promise<void> {
  await services.db.runTransaction(async (tx) => tx.delete(RESERVATIONS, id));
}

/** The member's ledger entries and balance, to show that closing moved no points. */
async function ledger(): Promise<{ balance: number | undefined; entries: Record<string, PointEntry> }> {
  const entries = await services.db.query({
    collection: POINT_ENTRIES,
    where: [{ field: "uid", op: "==", value: member.uid }],
  });
  return {
    balance: (await services.db.get(POINT_ACCOUNTS, member.uid))?.data.balance,
    entries: Object.fromEntries(entries.map((entry) => [entry.id, entry.data])),
  };
}

async function job(id: string): Promise<GenerationJob | undefined> {
  return (await services.db.get(GENERATIONS, id))?.data;
}

/** Closed as failed for its missing reservation, at the clock's time, with no lease and nothing charged. */
async function expectClosedWithoutPoints(id: string): Promise<void> {
  const now = clock.now().toISOString();
  expect(await job(id)).toMatchObject({
    status: "failed",
    errorCode: "reservation_missing",
    pointsCharged: 0,
    leaseOwner: null,
    leaseExpiresAt: null,
    updatedAt: now,
    finishedAt: now,
  });
  expect(await services.db.get(RESERVATIONS, id)).toBeNull();
}

function expectReported(id: string): void {
  const reported = logs!.lines().filter((line) => line.event === "generation.reservation_missing");
  expect(reported).toEqual([expect.objectContaining({ level: "error", generationId: id, uid: member.uid })]);
  expect(logs!.text()).not.toContain(SECRET_PROMPT);
}

describe("closing a generation whose reservation is missing", () => {
  it("recovery closes a running job past its last attempt as failed, moves no points, and recovers the others", async () => {
    const broken = await submit();
    const healthy = await submit("healthy");
    await strandOnLastAttempt(broken);
    await loseReservation(broken);
    clock.advance(QUEUE_TIMEOUT_MS + 1);
    const before = await ledger();
    logs = captureLogs();

    expect(await recoverStalledGenerations({ services })).toEqual({ requeued: 0, finished: 2, failed: 0 });
    await expectClosedWithoutPoints(broken);
    expectReported(broken);
    expect(await job(healthy)).toMatchObject({ status: "failed", errorCode: "queue_timeout" });
    // The healthy job's points came back; the broken job's were never held anywhere to return.
    const after = await ledger();
    expect(after.entries).toMatchObject(before.entries);
    const released = Object.entries(after.entries)
      .filter(([id]) => !(id in before.entries))
      .map(([, entry]) => entry);
    expect(released).toEqual([expect.objectContaining({ kind: "release", reservationId: healthy })]);
    expect(after.balance).toBe(before.balance! + released[0]!.amount);
    expect((await verifyLedger({ db: services.db })).problems).toEqual([]);

    // Closed once: the next sweep finds nothing left to do, and logs nothing more.
    expect(await recoverStalledGenerations({ services })).toEqual({ requeued: 0, finished: 0, failed: 0 });
    expectReported(broken);
  });

  it("cancel closes a queued job as failed and moves no points", async () => {
    const id = await submit();
    await loseReservation(id);
    const before = await ledger();
    logs = captureLogs();
    expect(await cancelGeneration({ services, uid: member.uid, generationId: id })).toMatchObject({
      status: "failed",
      errorCode: "reservation_missing",
    });
    await expectClosedWithoutPoints(id);
    expectReported(id);
    expect(await ledger()).toEqual(before);
    expect((await verifyLedger({ db: services.db })).problems).toEqual([]);
  });

  it("the worker closes the job as failed when it finishes it, and moves no points", async () => {
    const id = await submit();
    await loseReservation(id);
    const before = await ledger();
    logs = captureLogs();
    expect(await runGenerationJob({ services, generationId: id, workerId: "close-test" })).toBe("finished");
    await expectClosedWithoutPoints(id);
    expectReported(id);
    expect(await ledger()).toEqual(before);
    expect((await verifyLedger({ db: services.db })).problems).toEqual([]);
  });

  it("lets the purge delete such a job once its 90 days are over, as it does any closed job", async () => {
    const id = await submit();
    await strandOnLastAttempt(id);
    await loseReservation(id);
    clock.advance(91 * DAY_MS);
    // The scheduled sweeps: recovery closes the job, then the purge finds it closed and expired.
    expect(await recoverStalledGenerations({ services })).toMatchObject({ finished: 1, failed: 0 });
    await expectClosedWithoutPoints(id);
    const before = await ledger();
    expect((await purgeExpiredData({ services })).generations).toBeGreaterThanOrEqual(1);
    expect(await job(id)).toBeUndefined();
    expect(await ledger()).toEqual(before);
    expect((await verifyLedger({ db: services.db })).problems).toEqual([]);
  });
});
