/**
 * The worker wakes when a job is queued, across processes: a real worker process on
 * the same data folder, polling only once a minute, runs a job the test submits at
 * once; and with the wake-up lost, its poll still finds the job.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { createInterface } from "node:readline";
import { join } from "node:path";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { afterEach, describe, expect, it } from "vitest";
import { getServerConfig } from "../../lib/config/env";
import { GENERATIONS, isFinished, type GenerationJob } from "../../lib/generation/generation-job";
import { submitGeneration } from "../../lib/generation/submit-generation";
import { createServices, getServices, type Services } from "../../lib/services";
import { createFirestoreDatabase } from "../../lib/db/firestore/firestore-database";
import { FileWorkSignal } from "../../lib/worker/file-work-signal";
import { FirestoreWorkSignal } from "../../lib/worker/firestore-work-signal";
import type { WorkKind, WorkSignal } from "../../lib/worker/work-signal";
import { buyPoints, createMember } from "../support/members";
import { waitFor } from "../support/wait-for";

const services = getServices();
const workers: ChildProcess[] = [];

/** A worker process; resolves once it listens for signals (it logs worker.started after it does). */
async function startWorker(env: Record<string, string>): Promise<ChildProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", "worker/main.ts"], {
    env: { ...process.env, LOG_LEVEL: "info", LOCAL_MODEL_LATENCY_MS: "0", ...env },
    stdio: ["ignore", "pipe", "ignore"],
  });
  workers.push(child);
  const lines = createInterface({ input: child.stdout });
  await new Promise<void>((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`The worker exited (${code}) before it started.`)));
    lines.on("line", (line) => {
      if (line.includes('"worker.started"')) resolve();
    });
  });
  return child;
}

afterEach(async () => {
  await Promise.all(
    workers.splice(0).map(async (child) => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGKILL");
      await exited;
    }),
  );
});

async function submitAndTime(from: Services, uid: string): Promise<{ id: string; ms: number }> {
  const started = performance.now();
  const { id } = await submitGeneration({
    services: from,
    uid,
    input: { prompt: "a kite over the river", model: "local-sketch", size: "512x512", count: 1 },
    idempotencyKey: randomUUID(),
  });
  await waitFor(async () => isFinished((await services.db.get(GENERATIONS, id))!.data.status), {
    what: `job ${id} to finish`,
    timeoutMs: 30_000,
  });
  return { id, ms: performance.now() - started };
}

describe("the worker's wake-up", () => {
  it("runs a job queued by another process at once, not at its next poll a minute later", async () => {
    const member = await createMember(services);
    await buyPoints(services, member.uid);
    await startWorker({ WORKER_POLL_MS: "60000" });

    // The first job may be found by the worker's first look on starting; the second
    // comes while it sleeps, so only the signal can wake it.
    await submitAndTime(services, member.uid);
    const { id, ms } = await submitAndTime(services, member.uid);

    expect(ms).toBeLessThan(5_000);
    const job = (await services.db.get(GENERATIONS, id))!.data;
    expect(job.status).toBe("succeeded");
    expect(Date.parse(job.startedAt!) - Date.parse(job.createdAt)).toBeLessThan(1_000);
  });

  it("still runs a job whose wake-up was lost, at its poll", async () => {
    const member = await createMember(services);
    await buyPoints(services, member.uid);
    const lost: WorkSignal = { notify: () => {}, listen: () => () => {} };
    const silent = createServices(getServerConfig(), { db: services.db, workSignal: lost });
    await startWorker({ WORKER_POLL_MS: "1000" });

    const { id, ms } = await submitAndTime(silent, member.uid);

    expect((await services.db.get(GENERATIONS, id))!.data.status).toBe("succeeded");
    expect(ms).toBeLessThan(10_000);
  });
});

describe("the file work signal", () => {
  it("reaches a listener of another instance on the same folder, by kind", async () => {
    const folder = join(mkdtempSync(join(tmpdir(), "work-signal-")), "signals");
    const heard: WorkKind[] = [];
    const stop = new FileWorkSignal(folder).listen((kind) => heard.push(kind));
    try {
      new FileWorkSignal(folder).notify("mail");
      await waitFor(() => heard.includes("mail"), { what: "the mail signal" });
      new FileWorkSignal(folder).notify("generation");
      await waitFor(() => heard.includes("generation"), { what: "the generation signal" });
    } finally {
      stop();
    }
  });
});

const firestoreSuite = process.env.FIRESTORE_EMULATOR_HOST ? describe : describe.skip;

firestoreSuite("the Firestore work signal (emulator)", () => {
  it("hears a job queued by another client, with nothing notified", async () => {
    // A project of its own: an empty database, so no queued job of another test is heard first.
    const projectId = `demo-wake-up-${randomUUID().slice(0, 8)}`;
    const heard: WorkKind[] = [];
    const stop = new FirestoreWorkSignal(projectId).listen((kind) => heard.push(kind));
    const db = createFirestoreDatabase(projectId);
    try {
      const now = new Date().toISOString();
      const job: GenerationJob = {
        uid: "wake-up-member",
        prompt: "a heron",
        model: "local-sketch",
        size: "512x512",
        count: 1,
        status: "queued",
        pointsReserved: 10,
        pointsCharged: null,
        imageIds: [],
        imagesFailed: [],
        predictionIds: [],
        nextPollAt: null,
        attempts: 0,
        leaseOwner: null,
        leaseExpiresAt: null,
        errorCode: null,
        createdAt: now,
        updatedAt: now,
        startedAt: null,
        cancelRequestedAt: null,
        finishedAt: null,
        expiresAt: now,
      };
      await db.runTransaction(async (tx) => tx.create(GENERATIONS, randomUUID(), job));
      // Alone it is heard in under a second; beside the suites that load the same emulator with
      // contended transactions, its listen stream has taken over 30 s to open.
      await waitFor(() => heard.includes("generation"), { what: "the queued job", timeoutMs: 80_000 });
      expect(heard).not.toContain("mail");
    } finally {
      stop();
    }
  }, 90_000);
});
