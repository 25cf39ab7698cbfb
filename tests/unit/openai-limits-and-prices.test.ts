import { describe, expect, it } from "vitest";
import { FIRST_RETRY_DELAY_MS, openAiCallLimits } from "../../lib/openai/create-openai-client";
import { MODELS, modelSizes } from "../../lib/pricing/price-table";

describe("openAiCallLimits", () => {
  it.each([120_000, 300_000, 30_000, 20_501, 15_000, 2_000])(
    "keeps every attempt and the backoff between them inside a %i ms budget",
    (budget) => {
      const { timeoutMs, maxRetries } = openAiCallLimits(budget);
      expect(timeoutMs).toBeGreaterThan(0);
      expect(timeoutMs * (maxRetries + 1) + maxRetries * FIRST_RETRY_DELAY_MS).toBeLessThan(budget);
    },
  );

  it("retries once when the budget leaves room for two useful attempts, not at all otherwise", () => {
    expect(openAiCallLimits(120_000)).toEqual({ timeoutMs: 59_749, maxRetries: 1 });
    expect(openAiCallLimits(15_000)).toEqual({ timeoutMs: 14_999, maxRetries: 0 });
  });
});

/** gpt-image-2's documented cost per image in USD (see the price table's comments). */
const GPT_IMAGE_2_COST_USD = {
  low: { square: 0.006, tall: 0.009 },
  medium: { square: 0.053, tall: 0.0795 },
  high: { square: 0.211, tall: 0.3165 },
} as const;
/** What one point brings in after 10% VAT and card fees (1,000 points sell for $10). */
const NET_USD_PER_POINT = 0.0087;
/** The most a 1,000-character prompt adds in text input tokens. */
const PROMPT_COST_USD = 0.002;

describe("the OpenAI prices", () => {
  const openAi = MODELS.filter((model) => model.provider === "openai");

  it("sell the current GPT image model at each of its three quality tiers, at its standard sizes", () => {
    expect(openAi.map((model) => [model.providerModel, model.quality])).toEqual([
      ["gpt-image-2", "low"],
      ["gpt-image-2", "medium"],
      ["gpt-image-2", "high"],
    ]);
    for (const model of openAi) expect(modelSizes(model)).toEqual(["1024x1024", "1024x1536", "1536x1024"]);
  });

  it.each(openAi.flatMap((model) => modelSizes(model).map((size) => [model.id, size, model] as const)))(
    "%s at %s brings in at least twice its cost",
    (_id, size, model) => {
      const cost = GPT_IMAGE_2_COST_USD[model.quality!][size === "1024x1024" ? "square" : "tall"] + PROMPT_COST_USD;
      expect(model.pointsPerImage[size]! * NET_USD_PER_POINT).toBeGreaterThanOrEqual(2 * cost);
    },
  );

  it("names no retired OpenAI model", () => {
    for (const model of MODELS) expect(["dall-e-2", "dall-e-3", "gpt-image-1"]).not.toContain(model.providerModel);
  });
});
