/**
 * Closing a generation (charge what was made, release the rest) is one step shared by
 * the worker, recovery and cancel. A job whose reservation is missing cannot be
 * settled: every path reports it (an error, logged with ids only), none skips it quietly.
 */
import { randomUUID } from "node:crypto";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { ManualClock } from "../../lib/clock/clock";
import { getServerConfig } from "../../lib/config/env";
import { cancelGeneration } from "../../lib/generation/cancel-generation";
import { GENERATIONS } from "../../lib/generation/generation-job";
import { QUEUE_TIMEOUT_MS, recoverStalledGenerations } from "../../lib/generation/recover-stalled-generations";
import { runGenerationJob } from "../../lib/generation/run-generation-job";
import { submitGeneration } from "../../lib/generation/submit-generation";
import { RESERVATIONS } from "../../lib/points/reservations";
import { createServices, getServices, type Services } from "../../lib/services";
import { expectAppError } from "../support/app-error-thrown";
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

async function loseReservation(id: string): Promise<void> {
  await services.db.runTransaction(async (tx) => tx.delete(RESERVATIONS, id));
}

function expectReported(id: string): void {
  const reported = logs!.lines().filter((line) => line.event === "generation.reservation_missing");
  expect(reported).toEqual([expect.objectContaining({ level: "error", generationId: id, uid: member.uid })]);
  expect(logs!.text()).not.toContain(SECRET_PROMPT);
}

async function status(id: string): Promise<string | undefined> {
  return (await services.db.get(GENERATIONS, id))?.data.status;
}

describe("closing a generation whose reservation is missing", () => {
  it("recovery reports the job as failed, logs it, and still recovers the others", async () => {
    const broken = await submit();
    const healthy = await submit("healthy");
    await loseReservation(broken);
    clock.advance(QUEUE_TIMEOUT_MS + 1);
    logs = captureLogs();
    const outcome = await recoverStalledGenerations({ services });
    expect(outcome).toMatchObject({ finished: 1, failed: 1 });
    expectReported(broken);
    expect(await status(broken)).toBe("queued");
    expect(await status(healthy)).toBe("failed");
  });

  it("cancel fails with INTERNAL and logs it", async () => {
    const id = await submit();
    await loseReservation(id);
    logs = captureLogs();
    await expectAppError(cancelGeneration({ services, uid: member.uid, generationId: id }), "INTERNAL");
    expectReported(id);
    expect(await status(id)).toBe("queued");
  });

  it("the worker fails with INTERNAL when it finishes the job, and logs it", async () => {
    const id = await submit();
    await loseReservation(id);
    logs = captureLogs();
    await expectAppError(runGenerationJob({ services, generationId: id, workerId: "close-test" }), "INTERNAL");
    expectReported(id);
    expect(await status(id)).toBe("running");
  });
});
