/**
 * Generations through OpenAI, end to end on the real services (SQLite, local disk)
 * with the OpenAI stand-in behind the official package: images stored and charged, a
 * refusal charging nothing, a retired model releasing its points, prompt moderation
 * before any reservation with abuse records after repeats, and nothing that names the
 * member ever reaching OpenAI.
 */
import { createHash, randomUUID } from "node:crypto";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ABUSE_RECORDS } from "../../lib/abuse/abuse-record";
import { PROMPT_REFUSALS } from "../../lib/abuse/record-prompt-refusal";
import { getServerConfig, type ServerConfig } from "../../lib/config/env";
import { GENERATIONS } from "../../lib/generation/generation-job";
import { runGenerationJob } from "../../lib/generation/run-generation-job";
import { submitGeneration } from "../../lib/generation/submit-generation";
import { errorResponse } from "../../lib/http/responses";
import { IMAGES } from "../../lib/images/image-record";
import { OpenAiModerator } from "../../lib/moderation/openai-moderator";
import { POINT_ACCOUNTS } from "../../lib/points/ledger";
import { RESERVATIONS } from "../../lib/points/reservations";
import { verifyLedger } from "../../lib/points/verify-ledger";
import { getCatalog } from "../../lib/pricing/get-catalog";
import { createServices, getServices, type Services } from "../../lib/services";
import { expectAppError } from "../support/app-error-thrown";
import type { TestUser } from "../support/firebase-users";
import { buyPoints, createMember } from "../support/members";
import { startOpenAiStandIn, type OpenAiStandIn } from "../support/stand-ins/openai-stand-in";

let standIn: OpenAiStandIn;
let services: Services;
let member: TestUser;

function openAiConfig(target: OpenAiStandIn, providers: ServerConfig["IMAGE_PROVIDERS"]): ServerConfig {
  return {
    ...getServerConfig(),
    IMAGE_PROVIDERS: providers,
    OPENAI_API_KEY: target.apiKey,
    OPENAI_BASE_URL: target.baseURL,
  };
}

async function balance(uid: string): Promise<number> {
  return (await services.db.get(POINT_ACCOUNTS, uid))?.data.balance ?? 0;
}

async function generationsOf(uid: string): Promise<number> {
  return (await services.db.query({ collection: GENERATIONS, where: [{ field: "uid", op: "==", value: uid }] })).length;
}

async function submit(prompt: string, model = "gpt-image-2-medium", size = "1024x1536", count = 2) {
  return submitGeneration({
    services,
    uid: member.uid,
    input: { prompt, model, size, count },
    idempotencyKey: randomUUID(),
  });
}

beforeAll(async () => {
  standIn = await startOpenAiStandIn();
  services = createServices(openAiConfig(standIn, ["local", "openai"]), { db: getServices().db });
  member = await createMember(services);
  await buyPoints(services, member.uid);
});

afterAll(async () => {
  await standIn.close();
});

describe("a generation through OpenAI", () => {
  it("moderates the prompt, stores each image and charges the table's price", async () => {
    const before = await balance(member.uid);
    const moderationsBefore = standIn.bodiesOf("/v1/moderations").length;
    const { id, pointsReserved } = await submit("a paper boat on a puddle");
    expect(pointsReserved).toBe(2 * 19);
    expect(standIn.bodiesOf("/v1/moderations").slice(moderationsBefore)).toEqual([
      { model: "omni-moderation-latest", input: "a paper boat on a puddle" },
    ]);

    expect(await runGenerationJob({ services, generationId: id, workerId: "openai-test" })).toBe("finished");
    const job = (await services.db.get(GENERATIONS, id))!.data;
    expect([job.status, job.pointsCharged, job.errorCode]).toEqual(["succeeded", 38, null]);
    expect(await balance(member.uid)).toBe(before - 38);
    const images = await services.db.query({
      collection: IMAGES,
      where: [{ field: "generationId", op: "==", value: id }],
    });
    expect(images).toHaveLength(2);
    for (const { data } of images) {
      const png = await services.blobs.get(data.fileKey);
      expect(png).not.toBeNull();
      const meta = await sharp(png!.bytes).metadata();
      expect([meta.format, meta.width, meta.height]).toEqual(["png", 1024, 1536]);
      expect(data.thumbnails.length).toBeGreaterThan(0);
      for (const thumbnail of data.thumbnails) expect(await services.blobs.get(thumbnail.key)).not.toBeNull();
    }
  });

  it("charges nothing for a prompt OpenAI refuses, asks only once, and says why", async () => {
    standIn.refuseImagesFor("lighthouse keeper's secret");
    const before = await balance(member.uid);
    const imageCallsBefore = standIn.bodiesOf("/v1/images/generations").length;
    const { id } = await submit("the lighthouse keeper's secret", "gpt-image-2-high", "1024x1024", 3);

    expect(await runGenerationJob({ services, generationId: id, workerId: "openai-test" })).toBe("finished");
    const job = (await services.db.get(GENERATIONS, id))!.data;
    expect([job.status, job.pointsCharged, job.errorCode, job.imageIds]).toEqual(["failed", 0, "prompt_refused", []]);
    expect(standIn.bodiesOf("/v1/images/generations").slice(imageCallsBefore)).toHaveLength(1);
    expect(await balance(member.uid)).toBe(before);
    expect((await services.db.get(RESERVATIONS, id))?.data).toMatchObject({ status: "released", charged: 0 });
    // Running it again (a redelivered trigger) asks nothing more.
    expect(await runGenerationJob({ services, generationId: id, workerId: "openai-test" })).toBe("not-runnable");
    expect(standIn.bodiesOf("/v1/images/generations").slice(imageCallsBefore)).toHaveLength(1);
  });

  it("fails the job with model_unavailable and releases its points when OpenAI no longer has the model", async () => {
    const retired = await startOpenAiStandIn({ imageModels: ["gpt-image-3"] });
    try {
      const retiredServices = createServices(openAiConfig(retired, ["openai"]), { db: services.db });
      const before = await balance(member.uid);
      const { id } = await submitGeneration({
        services: retiredServices,
        uid: member.uid,
        input: { prompt: "a quiet harbour", model: "gpt-image-2-low", size: "1024x1024", count: 4 },
        idempotencyKey: randomUUID(),
      });
      expect(await balance(member.uid)).toBe(before - 8);
      await runGenerationJob({ services: retiredServices, generationId: id, workerId: "openai-test" });
      const job = (await services.db.get(GENERATIONS, id))!.data;
      expect([job.status, job.pointsCharged, job.errorCode]).toEqual(["failed", 0, "model_unavailable"]);
      expect(await balance(member.uid)).toBe(before);
      expect(retired.bodiesOf("/v1/images/generations")).toHaveLength(1);
    } finally {
      await retired.close();
    }
  });
});

describe("prompt moderation before any reservation", () => {
  it("answers 422 with a localized reason and reserves nothing", async () => {
    standIn.flagForModeration("blood-soaked", ["violence", "violence/graphic"]);
    const before = await balance(member.uid);
    const jobsBefore = await generationsOf(member.uid);
    const imageCallsBefore = standIn.bodiesOf("/v1/images/generations").length;

    const error = await expectAppError(submit("a blood-soaked battlefield"), "PROMPT_REFUSED");
    expect(error.details).toEqual({ category: "violence" });
    const answer = errorResponse(error, "ko");
    expect(answer.status).toBe(422);
    const body = (await answer.json()) as { error: { message: string; details: { fields: { prompt: string } } } };
    expect(body.error.message).toContain("폭력");
    expect(body.error.details.fields.prompt).toBe(body.error.message);
    expect(((await errorResponse(error, "en").json()) as { error: { message: string } }).error.message).toContain(
      "violence",
    );

    expect(await balance(member.uid)).toBe(before);
    expect(await generationsOf(member.uid)).toBe(jobsBefore);
    expect(standIn.bodiesOf("/v1/images/generations")).toHaveLength(imageCallsBefore);
  });

  it("writes an abuse record from the third refusal in a day, with the prompt's hash and not the prompt", async () => {
    const repeat = await createMember(services);
    await buyPoints(services, repeat.uid);
    standIn.flagForModeration("forbidden poster", ["sexual"]);
    const recordsOf = async () =>
      (
        await services.db.query({ collection: ABUSE_RECORDS, where: [{ field: "uid", op: "==", value: repeat.uid }] })
      ).map((doc) => doc.data);
    const prompt = "a forbidden poster";
    for (let attempt = 1; attempt <= PROMPT_REFUSALS.limit + 1; attempt++) {
      await expectAppError(
        submitGeneration({
          services,
          uid: repeat.uid,
          input: { prompt, model: "gpt-image-2-low", size: "1024x1024", count: 1 },
          idempotencyKey: randomUUID(),
        }),
        "PROMPT_REFUSED",
      );
      expect(await recordsOf()).toHaveLength(Math.max(0, attempt - PROMPT_REFUSALS.limit + 1));
    }
    const [record] = (await recordsOf()).sort((a, b) => a.refusalsInWindow - b.refusalsInWindow);
    expect(record).toMatchObject({
      kind: "repeated-prompt-refusals",
      promptHash: createHash("sha256").update(prompt).digest("hex"),
      categories: ["sexual"],
      source: "openai-moderation",
      refusalsInWindow: PROMPT_REFUSALS.limit,
    });
    expect(JSON.stringify(await recordsOf())).not.toContain("forbidden");
    expect(Date.parse(record!.expiresAt) - Date.parse(record!.createdAt)).toBe(365 * 24 * 60 * 60_000);
    expect(await balance(repeat.uid)).toBe(1_000);
    expect((await verifyLedger({ db: services.db })).problems).toEqual([]);
  });

  it("refuses a submission it cannot judge (moderation down), reserving nothing", async () => {
    const down = createServices(services.config, {
      db: services.db,
      moderator: new OpenAiModerator({ apiKey: standIn.apiKey, baseURL: "http://127.0.0.1:9/v1" }),
    });
    const before = await balance(member.uid);
    await expectAppError(
      submitGeneration({
        services: down,
        uid: member.uid,
        input: { prompt: "a calm sea", model: "gpt-image-2-low", size: "1024x1024", count: 1 },
        idempotencyKey: randomUUID(),
      }),
      "PROVIDER_FAILED",
    );
    expect(await balance(member.uid)).toBe(before);
  });
});

describe("what reaches OpenAI", () => {
  it("never names the member: no uid, email or name in any header or body, and no user field", async () => {
    expect(standIn.received.length).toBeGreaterThan(0);
    for (const request of standIn.received) {
      const seen = JSON.stringify(request.headers) + request.body;
      for (const identity of [member.uid, member.email, member.email.split("@")[0]!, "Test Member"]) {
        expect(seen).not.toContain(identity);
      }
      if (request.path === "/v1/images/generations") expect(JSON.parse(request.body)).not.toHaveProperty("user");
    }
  });
});

describe("the catalog and configured providers", () => {
  it("lists only the models of configured providers, each with its provider", async () => {
    const onlyOpenAi = createServices(openAiConfig(standIn, ["openai"]), { db: services.db });
    const models = getCatalog({ services: onlyOpenAi }).models;
    expect(models.map((model) => [model.id, model.provider, model.quality])).toEqual([
      ["gpt-image-2-low", "openai", "low"],
      ["gpt-image-2-medium", "openai", "medium"],
      ["gpt-image-2-high", "openai", "high"],
    ]);
    expect(models[0]!.sizes).toEqual(["1024x1024", "1024x1536", "1536x1024"]);
    const localOnly = getCatalog({ services: getServices() }).models;
    expect(new Set(localOnly.map((model) => model.provider))).toEqual(new Set(["local"]));
  });

  it("refuses a model whose provider is not configured, reserving nothing and calling nobody", async () => {
    const before = await balance(member.uid);
    const moderationsBefore = standIn.bodiesOf("/v1/moderations").length;
    const error = await expectAppError(
      submitGeneration({
        services: getServices(),
        uid: member.uid,
        input: { prompt: "a paper boat", model: "gpt-image-2-low", size: "1024x1024", count: 1 },
        idempotencyKey: randomUUID(),
      }),
      "VALIDATION_FAILED",
    );
    expect(Object.keys(error.fields ?? {})).toEqual(["model"]);
    expect(await balance(member.uid)).toBe(before);
    expect(standIn.bodiesOf("/v1/moderations")).toHaveLength(moderationsBefore);
  });
});
