/**
 * The OpenAI image adapter, driven through the official package against the local
 * stand-in (tests/support/stand-ins/openai-stand-in.ts): the port's contract for every
 * catalog entry, what each request carries, and how OpenAI's refusals and errors come
 * back as our own.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ImageRequest } from "../../lib/image-models/image-model";
import { OpenAiImageModel } from "../../lib/image-models/openai-image-model";
import { expectAppError } from "../support/app-error-thrown";
import { startOpenAiStandIn, type OpenAiStandIn } from "../support/stand-ins/openai-stand-in";
import { catalogCases, describeImageModelContract } from "./contracts/image-model-contract";

let standIn: OpenAiStandIn;
let slowStandIn: OpenAiStandIn;

function adapter(target: OpenAiStandIn, apiKey = target.apiKey): OpenAiImageModel {
  return new OpenAiImageModel({ apiKey, baseURL: target.baseURL, providerTimeoutMs: 120_000 });
}

beforeAll(async () => {
  standIn = await startOpenAiStandIn();
  slowStandIn = await startOpenAiStandIn({ imageLatencyMs: 60_000 });
});

afterAll(async () => {
  await standIn.close();
  await slowStandIn.close();
});

const cases = catalogCases("openai");

describeImageModelContract("OpenAiImageModel", {
  open: async () => adapter(standIn),
  openSlow: async () => adapter(slowStandIn),
  cases,
});

function request(overrides: Partial<ImageRequest> = {}): ImageRequest {
  return {
    model: "gpt-image-2-medium",
    providerModel: "gpt-image-2",
    quality: "medium",
    prompt: "a paper boat on a puddle",
    size: "1024x1536",
    seed: 7,
    signal: new AbortController().signal,
    ...overrides,
  };
}

describe("OpenAiImageModel's requests", () => {
  it("offers every GPT image entry of the catalog, at sizes the stand-in's size rules accept", () => {
    expect(cases.map((entry) => `${entry.model} ${entry.size}`)).toHaveLength(9);
    expect(new Set(cases.map((entry) => entry.quality))).toEqual(new Set(["low", "medium", "high"]));
  });

  it("asks for one PNG of the model, size and quality, and sends nothing else (no user)", async () => {
    const before = standIn.bodiesOf("/v1/images/generations").length;
    await adapter(standIn).generate(request());
    const sent = standIn.bodiesOf("/v1/images/generations").slice(before);
    expect(sent).toEqual([
      {
        model: "gpt-image-2",
        prompt: "a paper boat on a puddle",
        n: 1,
        size: "1024x1536",
        quality: "medium",
        output_format: "png",
      },
    ]);
    const last = standIn.received.at(-1)!;
    expect(last.headers.authorization).toBe(`Bearer ${standIn.apiKey}`);
    expect(last.headers["openai-organization"]).toBeUndefined();
    expect(last.headers["openai-project"]).toBeUndefined();
  });

  it.each(["moderation_blocked", "content_policy_violation"] as const)(
    "turns a %s refusal into PROMPT_REFUSED after exactly one request: a 400 is never retried",
    async (code) => {
      const refused = await startOpenAiStandIn();
      try {
        refused.refuseImagesFor("forbidden harbour", code);
        const error = await expectAppError(
          adapter(refused).generate(request({ prompt: "a forbidden harbour at night" })),
          "PROMPT_REFUSED",
        );
        expect(error.details).toEqual({ reason: code });
        expect(refused.received.filter((r) => r.path === "/v1/images/generations")).toHaveLength(1);
      } finally {
        await refused.close();
      }
    },
  );

  it("turns a model the provider does not know (404 model_not_found) into MODEL_UNAVAILABLE", async () => {
    const retired = await startOpenAiStandIn({ imageModels: ["gpt-image-3"] });
    try {
      const error = await expectAppError(adapter(retired).generate(request()), "MODEL_UNAVAILABLE");
      expect(error.diagnostic).toContain("gpt-image-2");
      expect(retired.received).toHaveLength(1);
    } finally {
      await retired.close();
    }
  });

  it("turns a wrong key (401) into PROVIDER_FAILED", async () => {
    await expectAppError(adapter(standIn, "sk-wrong").generate(request()), "PROVIDER_FAILED");
  });

  it("refuses an aspect ratio before calling OpenAI: GPT image takes pixel sizes", async () => {
    const before = standIn.received.length;
    await expectAppError(adapter(standIn).generate(request({ size: "16:9" })), "INTERNAL");
    expect(standIn.received).toHaveLength(before);
  });
});

describe("the OpenAI stand-in is as strict as the API", () => {
  async function post(path: string, body: unknown, headers: Record<string, string> = {}) {
    const response = await fetch(`${standIn.baseURL}${path}`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${standIn.apiKey}`, ...headers },
      body: typeof body === "string" ? body : JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as { error: Record<string, unknown> } };
  }
  const valid = { model: "gpt-image-2", prompt: "a kite", size: "1024x1024" };

  it.each([
    ["no key", valid, { authorization: "" }, 401, null],
    ["a wrong key", valid, { authorization: "Bearer sk-nope" }, 401, "invalid_api_key"],
    ["an unknown model", { ...valid, model: "dall-e-3" }, {}, 404, "model_not_found"],
    ["a size under the pixel minimum", { ...valid, size: "512x512" }, {}, 400, "invalid_value"],
    ["a size off the 16-pixel grid", { ...valid, size: "1000x1000" }, {}, 400, "invalid_value"],
    ["an aspect ratio for a size", { ...valid, size: "16:9" }, {}, 400, "invalid_value"],
    ["an unknown quality", { ...valid, quality: "ultra" }, {}, 400, "invalid_value"],
    [
      "response_format (GPT image models answer b64_json only)",
      { ...valid, response_format: "url" },
      {},
      400,
      "unknown_parameter",
    ],
    ["an undocumented parameter", { ...valid, seed: 3 }, {}, 400, "unknown_parameter"],
    ["malformed JSON", "{", {}, 400, null],
  ])("refuses %s, in OpenAI's error shape", async (_what, body, headers, status, code) => {
    const answer = await post("/images/generations", body, headers);
    expect(answer.status).toBe(status);
    expect(Object.keys(answer.body.error).sort()).toEqual(["code", "message", "param", "type"]);
    expect(answer.body.error.code).toBe(code);
    expect(typeof answer.body.error.message).toBe("string");
  });

  it("answers a wrong path with 404", async () => {
    expect((await post("/images/create", valid)).status).toBe(404);
  });

  it("moderates with the documented result shape", async () => {
    const answer = await post("/moderations", { model: "omni-moderation-latest", input: "a kite" });
    expect(answer.status).toBe(200);
    const result = (answer.body as unknown as { results: { flagged: boolean; categories: object }[] }).results[0]!;
    expect(result.flagged).toBe(false);
    expect(Object.keys(result.categories)).toHaveLength(13);
  });
});
