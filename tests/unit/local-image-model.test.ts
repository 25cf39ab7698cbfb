/** The built-in model renders with sharp (in-process, no files or network). */
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import type { ImageRequest } from "../../lib/image-models/image-model";
import { drawPromptSvg, LocalImageModel, localImageFails } from "../../lib/image-models/local-image-model";
import { MODELS, modelSizes } from "../../lib/pricing/price-table";
import { expectAppError } from "../support/app-error-thrown";

const model = new LocalImageModel({ latencyMs: 0, failureRate: 0 });

function request(overrides: Partial<ImageRequest> = {}): ImageRequest {
  return {
    model: "local-sketch",
    providerModel: "local-sketch",
    prompt: "red fox in deep snow",
    size: "512x512",
    seed: 42,
    signal: new AbortController().signal,
    ...overrides,
  };
}

describe("LocalImageModel", () => {
  it("draws the same PNG bytes for the same model, prompt, size and seed", async () => {
    const first = await model.generate(request());
    const second = await new LocalImageModel({ latencyMs: 0, failureRate: 0 }).generate(request());
    expect(first.equals(second)).toBe(true);
  });

  it.each<[string, Partial<ImageRequest>]>([
    ["prompt", { prompt: "blue fox in deep snow" }],
    ["seed", { seed: 43 }],
    ["model", { model: "local-poster", providerModel: "local-poster", size: "1024x1024" }],
  ])("draws different bytes for a different %s", async (_what, change) => {
    const base = await model.generate(request(change.model ? { size: change.size } : {}));
    const changed = await model.generate(request(change));
    expect(changed.equals(base)).toBe(false);
  });

  const sizes = MODELS.filter((m) => m.provider === "local").flatMap((m) =>
    modelSizes(m).map((size) => [m.id, size] as const),
  );

  it.each(sizes)("draws a %s PNG of exactly %s", async (modelId, size) => {
    const png = await model.generate(request({ model: modelId, providerModel: modelId, size }));
    const [width, height] = size.split("x").map(Number);
    const meta = await sharp(png).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(["png", width, height]);
  });

  it("never fails at failure rate 0", async () => {
    for (let seed = 0; seed < 20; seed++) {
      expect(localImageFails({ prompt: "p", seed }, 0)).toBe(false);
    }
    await expect(model.generate(request({ seed: 7 }))).resolves.toBeInstanceOf(Buffer);
  });

  it("always fails at failure rate 1, with PROVIDER_FAILED", async () => {
    for (let seed = 0; seed < 20; seed++) {
      expect(localImageFails({ prompt: `p${seed}`, seed }, 1)).toBe(true);
    }
    const failing = new LocalImageModel({ latencyMs: 0, failureRate: 1 });
    for (const seed of [1, 2, 3]) {
      await expectAppError(failing.generate(request({ seed })), "PROVIDER_FAILED");
    }
  });

  it("fails a repeatable share of requests at a rate in between", () => {
    const outcomes = Array.from({ length: 400 }, (_, seed) => localImageFails({ prompt: "half", seed }, 0.5));
    const failures = outcomes.filter(Boolean).length;
    expect(failures).toBeGreaterThan(120);
    expect(failures).toBeLessThan(280);
    expect(Array.from({ length: 400 }, (_, seed) => localImageFails({ prompt: "half", seed }, 0.5))).toEqual(outcomes);
  });

  it("gives up at once with PROVIDER_FAILED when its signal is already aborted, however long its latency", async () => {
    const slow = new LocalImageModel({ latencyMs: 60_000, failureRate: 0 });
    const controller = new AbortController();
    controller.abort(new Error("timeout"));
    const started = Date.now();
    await expectAppError(slow.generate(request({ signal: controller.signal })), "PROVIDER_FAILED");
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it("stops waiting with PROVIDER_FAILED when its signal is aborted during the call", async () => {
    const slow = new LocalImageModel({ latencyMs: 60_000, failureRate: 0 });
    const controller = new AbortController();
    const pending = slow.generate(request({ signal: controller.signal }));
    controller.abort(new Error("timeout"));
    await expectAppError(pending, "PROVIDER_FAILED");
  });

  it.each(["local-sketch", "local-poster"])(
    "renders %s from a prompt full of XML special characters",
    async (modelId) => {
      const prompt = `<svg onload="x"> & 'quotes' </text></svg> <![CDATA[ ]]> <!-- a & b < c > d`;
      const size = modelId === "local-poster" ? "1024x1024" : "512x512";
      const png = await model.generate(request({ model: modelId, size, prompt }));
      const meta = await sharp(png).metadata();
      expect([meta.format, meta.width]).toEqual(["png", Number(size.split("x")[0])]);
      const svg = drawPromptSvg({ model: modelId, prompt, size, seed: 1 });
      expect(svg).not.toContain("<svg onload");
      expect(svg).not.toContain("</text></svg> <!");
    },
  );

  it("renders a Korean prompt on a poster", async () => {
    const png = await model.generate(
      request({ model: "local-poster", size: "1024x1536", prompt: "눈 속의 붉은 여우" }),
    );
    expect((await sharp(png).metadata()).height).toBe(1536);
  });
});
