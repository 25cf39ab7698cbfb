/**
 * Real worker processes on the same database file, killed with SIGKILL mid-job.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { getServerConfig } from "../../lib/config/env";
import { GENERATIONS, type GenerationJob } from "../../lib/generation/generation-job";
import { recoverStalledGenerations } from "../../lib/generation/recover-stalled-generations";
import { submitGeneration } from "../../lib/generation/submit-generation";
import { deleteImage } from "../../lib/images/delete-image";
import { IMAGES, imageFileKeys } from "../../lib/images/image-record";
import { POINT_ACCOUNTS } from "../../lib/points/ledger";
import { verifyLedger } from "../../lib/points/verify-ledger";
import { createServices, getServices } from "../../lib/services";
import { buyPoints, createMember } from "../support/members";
import { waitFor } from "../support/wait-for";

const services = getServices();
const workers: ChildProcess[] = [];

function startWorker(env: Record<string, string>): ChildProcess {
  // `node --import tsx`, not the tsx CLI: the CLI runs the worker in a child process
  // that would survive the SIGKILL meant for it.
  const child = spawn(process.execPath, ["--import", "tsx", "worker/main.ts"], {
    env: { ...process.env, LOCAL_MODEL_LATENCY_MS: "700", JOB_LEASE_MS: "1500", WORKER_POLL_MS: "50", ...env },
    stdio: "ignore",
  });
  workers.push(child);
  return child;
}

/** Worker processes take a few seconds to start (tsx) and make images with 700 ms latency. */
const waitForWorker = <T>(what: string, probe: () => Promise<T | undefined | false>) =>
  waitFor(probe, { what, timeoutMs: 30_000, intervalMs: 50 });

async function job(id: string): Promise<GenerationJob> {
  return (await services.db.get(GENERATIONS, id))!.data;
}

/**
 * The job's stored files that belong to no recorded image: what a killed attempt left.
 * A recorded image's own files are its PNG and thumbnails (made after it is recorded,
 * so some may still be on their way).
 */
async function filesOfNoImage(uid: string, generationId: string): Promise<string[]> {
  const images = await services.db.query({
    collection: IMAGES,
    where: [{ field: "generationId", op: "==", value: generationId }],
  });
  for (const image of images) expect(await services.blobs.get(image.data.fileKey)).not.toBeNull();
  const owned = new Set(images.flatMap((image) => imageFileKeys(image.data.fileKey)));
  return (await services.blobs.list(`images/${uid}/${generationId}/`)).filter((key) => !owned.has(key));
}

async function kill(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once("exit", r));
  child.kill("SIGKILL");
  await exited;
}

afterEach(async () => {
  await Promise.all(workers.splice(0).map(kill));
});

describe("a worker killed mid-job", () => {
  it("does not make again an image the member deleted before the job was taken over", async () => {
    const member = await createMember(services);
    await buyPoints(services, member.uid);
    const { id } = await submitGeneration({
      services,
      uid: member.uid,
      input: { prompt: "deleted early", model: "local-sketch", size: "512x512", count: 3 },
      idempotencyKey: randomUUID(),
    });

    const first = startWorker({});
    const firstImage = await waitForWorker("the first image", async () => (await job(id)).imageIds[0]);
    await kill(first);
    await deleteImage({ services, uid: member.uid, imageId: firstImage });

    startWorker({});
    const finished = await waitForWorker("the job to finish", async () => {
      const current = await job(id);
      return current.status === "running" || current.status === "queued" ? undefined : current;
    });
    expect(finished.status).toBe("succeeded");
    expect(finished.pointsCharged).toBe(30);
    const images = await services.db.query({
      collection: IMAGES,
      where: [{ field: "generationId", op: "==", value: id }],
      orderBy: [{ field: "index", direction: "asc" }],
    });
    expect(images.map((image) => image.id)).not.toContain(firstImage);
    expect(images).toHaveLength(finished.imageIds.length - 1);
    expect(await filesOfNoImage(member.uid, id)).toEqual([]);
  });

  it("leaves a job that another worker takes over and completes, charging each image once", async () => {
    const member = await createMember(services);
    await buyPoints(services, member.uid);
    const { id } = await submitGeneration({
      services,
      uid: member.uid,
      input: { prompt: "crash course", model: "local-sketch", size: "512x512", count: 4 },
      idempotencyKey: randomUUID(),
    });

    const first = startWorker({});
    await waitForWorker("the first image", async () => (await job(id)).imageIds.length >= 1);
    await kill(first);
    const stalled = await job(id);
    expect(stalled.status).toBe("running");
    expect(stalled.imageIds.length).toBeLessThan(4);

    startWorker({});
    const finished = await waitForWorker("the job to finish", async () => {
      const current = await job(id);
      return current.status === "running" || current.status === "queued" ? undefined : current;
    });
    expect(finished.status).toBe("succeeded");
    expect(finished.imageIds).toHaveLength(4);
    expect(finished.attempts).toBe(2);
    expect(finished.pointsCharged).toBe(40);
    expect((await services.db.get(POINT_ACCOUNTS, member.uid))!.data.balance).toBe(960);
    expect((await verifyLedger({ db: services.db })).problems).toEqual([]);
    // What the killed attempt stored but never recorded was removed by the attempt that took over.
    expect(await filesOfNoImage(member.uid, id)).toEqual([]);
  });

  it("gives back the points of images never made once the job has used its last attempt", async () => {
    const member = await createMember(services);
    await buyPoints(services, member.uid);
    const { id } = await submitGeneration({
      services,
      uid: member.uid,
      input: { prompt: "one life", model: "local-sketch", size: "512x512", count: 4 },
      idempotencyKey: randomUUID(),
    });

    const only = startWorker({ JOB_MAX_ATTEMPTS: "1" });
    await waitForWorker("the first image", async () => (await job(id)).imageIds.length >= 1);
    await kill(only);
    const made = (await job(id)).imageIds.length;

    const lastAttempt = createServices({ ...getServerConfig(), JOB_MAX_ATTEMPTS: 1 }, { db: services.db });
    await waitForWorker("the lease to run out", async () => {
      const current = await job(id);
      return current.leaseExpiresAt !== null && current.leaseExpiresAt <= new Date().toISOString();
    });
    expect(await recoverStalledGenerations({ services: lastAttempt })).toEqual({ requeued: 0, finished: 1, failed: 0 });
    const finished = await job(id);
    expect(finished).toMatchObject({ status: "partial", errorCode: "worker_lost", pointsCharged: made * 10 });
    expect((await services.db.get(POINT_ACCOUNTS, member.uid))!.data.balance).toBe(1000 - made * 10);
    // A second sweep finds nothing left to do.
    expect(await recoverStalledGenerations({ services: lastAttempt })).toEqual({ requeued: 0, finished: 0, failed: 0 });
    expect((await verifyLedger({ db: services.db })).problems).toEqual([]);
  });
});
