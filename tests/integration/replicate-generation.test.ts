/**
 * Generations on Replicate, through the official client, against a stand-in that
 * speaks Replicate's API and signs its webhooks as Replicate does. The app's webhook
 * route is called in-process with what the stand-in sends.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as postReplicateWebhook } from "../../app/api/webhooks/replicate/route";
import { ManualClock } from "../../lib/clock/clock";
import { getServerConfig } from "../../lib/config/env";
import { cancelGeneration } from "../../lib/generation/cancel-generation";
import { GENERATIONS, type GenerationJob } from "../../lib/generation/generation-job";
import { pollWaitingGenerations } from "../../lib/generation/poll-waiting-generations";
import { runGenerationJob } from "../../lib/generation/run-generation-job";
import { submitGeneration } from "../../lib/generation/submit-generation";
import { IMAGES } from "../../lib/images/image-record";
import { readPointAccount } from "../../lib/points/ledger";
import { verifyLedger } from "../../lib/points/verify-ledger";
import type { ImageFormat } from "../../lib/pricing/price-table";
import { createServices, getServices, type Services } from "../../lib/services";
import { startWorker } from "../../lib/worker/start-worker";
import type { TestUser } from "../support/firebase-users";
import { APP_ORIGIN, call } from "../support/http";
import { buyPoints, createMember } from "../support/members";
import { ReplicateStandIn, type SignedDelivery } from "../support/stand-ins/replicate-stand-in";
import { waitFor } from "../support/wait-for";

const WEBHOOK_URL = `${APP_ORIGIN}/api/webhooks/replicate`;

const replicate = new ReplicateStandIn({
  deliver: (delivery: SignedDelivery) => {
    // The app gave Replicate its own fixed address: anything else would be a bug to catch here.
    if (delivery.url !== WEBHOOK_URL) throw new Error(`A webhook for ${delivery.url}`);
    return call(postReplicateWebhook, {
      method: "POST",
      path: "/api/webhooks/replicate",
      rawBody: delivery.body,
      headers: delivery.headers,
      origin: null,
    });
  },
});

let services: Services;
let member: TestUser;

async function balance(): Promise<number> {
  return services.db.runTransaction(async (tx) => (await readPointAccount(tx, member.uid)).balance);
}

async function job(id: string): Promise<GenerationJob> {
  const doc = await services.db.get(GENERATIONS, id);
  if (!doc) throw new Error(`No generation ${id}`);
  return doc.data;
}

async function submit(model: string, count: number, size: ImageFormat = "1:1"): Promise<string> {
  const submitted = await submitGeneration({
    services,
    uid: member.uid,
    input: { prompt: `a paper boat ${randomUUID()}`, model, size, count },
    idempotencyKey: randomUUID(),
  });
  return submitted.id;
}

async function finished(id: string): Promise<GenerationJob> {
  return waitFor(
    async () => {
      const current = await job(id);
      return ["succeeded", "partial", "failed"].includes(current.status) && current;
    },
    { what: `generation ${id} to finish` },
  );
}

function createdPredictions() {
  return replicate.received.filter((request) => request.method === "POST" && request.path.endsWith("/predictions"));
}

beforeAll(async () => {
  await replicate.start();
  process.env.IMAGE_PROVIDERS = "local,replicate";
  process.env.REPLICATE_API_TOKEN = replicate.token;
  process.env.REPLICATE_BASE_URL = replicate.baseUrl;
  process.env.REPLICATE_WEBHOOK_SECRET = replicate.webhookSecret;
  services = getServices();
  member = await createMember(services);
  await buyPoints(services, member.uid, 2);
});

afterAll(async () => {
  await replicate.close();
});

describe("a generation on Replicate", () => {
  it("starts one prediction for the images, frees the worker, and completes by signed webhook", async () => {
    replicate.behave({ outcome: "hold" });
    const before = await balance();
    const id = await submit("flux-schnell", 3);
    expect(await runGenerationJob({ services, generationId: id, workerId: "w1" })).toBe("finished");

    const waiting = await job(id);
    expect(waiting).toMatchObject({ status: "waiting", leaseOwner: null, leaseExpiresAt: null });
    const [predictionId] = waiting.predictionIds;
    expect(waiting.predictionIds).toEqual([predictionId, predictionId, predictionId]);
    const [create] = createdPredictions().slice(-1);
    expect(create!.path).toBe("/v1/models/black-forest-labs/flux-schnell/predictions");
    expect(create!.headers.authorization).toBe(`Bearer ${replicate.token}`);
    const body = JSON.parse(create!.body) as { input: Record<string, unknown>; webhook: string };
    expect(body.input).toMatchObject({ aspect_ratio: "1:1", num_outputs: 3, output_format: "png" });
    expect(body.webhook).toBe(WEBHOOK_URL);

    await replicate.finish(predictionId!, { outcome: "succeeded" });
    const done = await finished(id);
    expect(done).toMatchObject({ status: "succeeded", pointsCharged: 6, errorCode: null });
    expect(replicate.deliveries.at(-1)?.status).toBe(204);
    expect(await balance()).toBe(before - 6);

    // The outputs were copied when they arrived: once Replicate deletes them, ours remain.
    replicate.expireOutputs();
    for (const imageId of done.imageIds) {
      const image = await services.db.get(IMAGES, imageId);
      const png = await services.blobs.get(image!.data.fileKey);
      expect(png?.contentType).toBe("image/png");
      expect(png?.bytes.subarray(1, 4).toString()).toBe("PNG");
    }
    expect((await verifyLedger({ db: services.db })).problems).toEqual([]);
  });

  it("takes a model whose output is one URL (FLUX1.1 [pro]): one prediction per image", async () => {
    replicate.behave({ outcome: "succeeded" });
    const id = await submit("flux-1.1-pro", 2, "16:9");
    await runGenerationJob({ services, generationId: id, workerId: "w1" });
    const done = await finished(id);
    expect(done).toMatchObject({ status: "succeeded", pointsCharged: 16 });
    expect(new Set(done.predictionIds).size).toBe(2);
    const inputs = createdPredictions()
      .slice(-2)
      .map((request) => (JSON.parse(request.body) as { input: Record<string, unknown> }).input);
    for (const input of inputs) expect(input).not.toHaveProperty("num_outputs");
  });

  it("charges only the images returned when a prediction returns fewer than asked", async () => {
    replicate.behave({ outcome: "succeeded", outputs: 2 });
    const before = await balance();
    const id = await submit("flux-dev", 4);
    await runGenerationJob({ services, generationId: id, workerId: "w1" });
    const done = await finished(id);
    expect(done).toMatchObject({ status: "partial", pointsCharged: 10, imagesFailed: [2, 3] });
    expect(await balance()).toBe(before - 10);
  });

  it.each(["failed", "canceled"] as const)("releases every point when the prediction is %s", async (outcome) => {
    replicate.behave({ outcome });
    const before = await balance();
    const id = await submit("sd-3.5-large", 1);
    await runGenerationJob({ services, generationId: id, workerId: "w1" });
    expect(await finished(id)).toMatchObject({ status: "failed", pointsCharged: 0 });
    expect(await balance()).toBe(before);
  });

  it("fails with a clear reason and releases the points when Replicate has no such model", async () => {
    replicate.forgetModel("black-forest-labs/flux-dev");
    try {
      const before = await balance();
      const id = await submit("flux-dev", 2);
      expect(await runGenerationJob({ services, generationId: id, workerId: "w1" })).toBe("finished");
      expect(await job(id)).toMatchObject({ status: "failed", errorCode: "model_unavailable", pointsCharged: 0 });
      expect(await balance()).toBe(before);
    } finally {
      replicate.rememberModel("black-forest-labs/flux-dev");
    }
  });

  it("completes a job whose webhook was lost by polling Replicate", async () => {
    replicate.behave({ outcome: "succeeded", webhook: false });
    const id = await submit("flux-schnell", 2);
    await runGenerationJob({ services, generationId: id, workerId: "w1" });
    const [predictionId] = (await job(id)).predictionIds;
    await waitFor(() => replicate.prediction(predictionId!).status === "succeeded");
    expect((await job(id)).status).toBe("waiting");

    const clock = new ManualClock(new Date(Date.now() + 61_000));
    const polling = createServices(getServerConfig(), { clock });
    expect(await pollWaitingGenerations({ services: polling })).toMatchObject({ polled: 1, closed: 1 });
    expect(await job(id)).toMatchObject({ status: "succeeded", pointsCharged: 4 });
  });

  it("changes nothing for a forged, a stale or a replayed webhook", async () => {
    replicate.behave({ outcome: "succeeded", webhook: false });
    const id = await submit("flux-schnell", 1);
    await runGenerationJob({ services, generationId: id, workerId: "w1" });
    const [predictionId] = (await job(id)).predictionIds;
    await waitFor(() => replicate.prediction(predictionId!).status === "succeeded");

    const forged = replicate.sign(predictionId!, {
      secret: `whsec_${Buffer.from("not the secret").toString("base64")}`,
    });
    expect(await replicate.send(forged)).toBe(401);
    const stale = replicate.sign(predictionId!, { timestamp: Math.floor(Date.now() / 1000) - 600 });
    expect(await replicate.send(stale)).toBe(401);
    const tampered = replicate.sign(predictionId!);
    expect(await replicate.send({ ...tampered, body: tampered.body.replace('"succeeded"', '"failed"') })).toBe(401);
    expect((await job(id)).status).toBe("waiting");

    const genuine = replicate.sign(predictionId!);
    expect(await replicate.send(genuine)).toBe(204);
    const done = await job(id);
    expect(done).toMatchObject({ status: "succeeded", pointsCharged: 2 });
    const ledger = await balance();
    expect(await replicate.send(genuine)).toBe(204);
    expect(await job(id)).toEqual(done);
    expect(await balance()).toBe(ledger);
  });

  it("cancels the prediction at Replicate when the member stops a waiting job", async () => {
    replicate.behave({ outcome: "hold" });
    const before = await balance();
    const id = await submit("flux-1.1-pro", 1);
    await runGenerationJob({ services, generationId: id, workerId: "w1" });
    const [predictionId] = (await job(id)).predictionIds;
    const view = await cancelGeneration({ services, uid: member.uid, generationId: id });
    expect(view).toMatchObject({ status: "failed", errorCode: "canceled", pointsCharged: 0 });
    expect(replicate.received.some((request) => request.path === `/v1/predictions/${predictionId}/cancel`)).toBe(true);
    expect(replicate.prediction(predictionId!).status).toBe("canceled");
    expect(await balance()).toBe(before);
  });

  it("lets another job run while one waits on Replicate, with a single worker slot", async () => {
    replicate.behave({ outcome: "hold" });
    const waitingId = await submit("flux-schnell", 1);
    const controller = new AbortController();
    const worker = startWorker({ services, workerId: "slot-1", concurrency: 1, signal: controller.signal });
    try {
      // The second job is submitted only once the first holds the one slot's turn at
      // Replicate: submitted together, the worker may take either first (equal times).
      await waitFor(async () => (await job(waitingId)).status === "waiting", { what: "the Replicate job to wait" });
      const localId = await submit("local-sketch", 1, "512x512");
      const local = await finished(localId);
      expect(local.status).toBe("succeeded");
      expect((await job(waitingId)).status).toBe("waiting");
    } finally {
      controller.abort();
      await worker;
    }
    const [predictionId] = (await job(waitingId)).predictionIds;
    await replicate.finish(predictionId!, { outcome: "succeeded" });
    expect((await finished(waitingId)).status).toBe("succeeded");
  });

  it("never sent Replicate the member's uid, email or name", () => {
    expect(replicate.received.length).toBeGreaterThan(0);
    const everything = JSON.stringify(replicate.received).toLowerCase();
    for (const secret of [member.uid, member.email, "Test Member"])
      expect(everything).not.toContain(secret.toLowerCase());
  });
});
