/**
 * The contract of the ImageModelProvider port (lib/image-models/image-model.ts), run
 * against every adapter: a PNG of the requested size, and a prompt rejection with
 * AppError PROVIDER_FAILED once the call's signal is aborted.
 */
import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";
import type { ImageModelProvider, ImageRequest } from "../../../lib/image-models/image-model";
import { MODELS, modelSizes, type ImageFormat, type ImageProviderId } from "../../../lib/pricing/price-table";
import { expectAppError } from "../../support/app-error-thrown";

export interface ImageModelContractSetup {
  /** The adapter as deployed. */
  open(): Promise<ImageModelProvider>;
  /** An instance whose calls are still in flight when aborted: any network adapter; the local model with simulated latency. */
  openSlow(): Promise<ImageModelProvider>;
  /** The models and formats the adapter serves. */
  cases: ImageModelCase[];
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
/** Far below any simulated or network latency: an aborted call must not wait it out. */
const PROMPT_MS = 5_000;

export type ImageModelCase = Pick<ImageRequest, "model" | "providerModel" | "quality" | "size">;

/** Every catalog entry of a provider, at every format it offers. */
export function catalogCases(provider: ImageProviderId): ImageModelCase[] {
  return MODELS.filter((model) => model.provider === provider).flatMap((model) =>
    modelSizes(model).map((size) => ({
      model: model.id,
      providerModel: model.providerModel,
      quality: model.quality,
      size,
    })),
  );
}

/** A pixel size must be met exactly; an aspect ratio within rounding. */
function expectDimensions(size: ImageFormat, width: number | undefined, height: number | undefined): void {
  if (size.includes("x")) {
    expect([width, height]).toEqual(size.split("x").map(Number));
    return;
  }
  const [ratioWidth, ratioHeight] = size.split(":").map(Number) as [number, number];
  expect((width ?? 0) / (height ?? 1)).toBeCloseTo(ratioWidth / ratioHeight, 1);
}

export function describeImageModelContract(adapterName: string, setup: ImageModelContractSetup): void {
  describe(`ImageModelProvider contract: ${adapterName}`, () => {
    let provider: ImageModelProvider;
    let slow: ImageModelProvider;

    beforeAll(async () => {
      provider = await setup.open();
      slow = await setup.openSlow();
    });

    function request(overrides: Partial<ImageRequest> & ImageModelCase): ImageRequest {
      return {
        prompt: "a lighthouse at dusk, oil painting",
        seed: 1234,
        signal: new AbortController().signal,
        ...overrides,
      };
    }

    it.each(setup.cases)("returns a valid PNG of the requested size for $model at $size", async (modelCase) => {
      const png = await provider.generate(request(modelCase));
      expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
      const meta = await sharp(png).metadata();
      expect(meta.format).toBe("png");
      expectDimensions(modelCase.size, meta.width, meta.height);
    });

    it("returns a PNG for a prompt of markup, quotes and non-Latin script", async () => {
      const first = setup.cases[0]!;
      const png = await provider.generate(request({ ...first, prompt: `<b>"bold"</b> & 'single' — 붉은 여우 🦊` }));
      expect((await sharp(png).metadata()).format).toBe("png");
    });

    it("rejects promptly with PROVIDER_FAILED when the signal is aborted before the call", async () => {
      const controller = new AbortController();
      controller.abort(new Error("timeout"));
      const started = Date.now();
      await expectAppError(
        slow.generate(request({ ...setup.cases[0]!, signal: controller.signal })),
        "PROVIDER_FAILED",
      );
      expect(Date.now() - started).toBeLessThan(PROMPT_MS);
    });

    it("rejects promptly with PROVIDER_FAILED when the signal is aborted during the call", async () => {
      const controller = new AbortController();
      const started = Date.now();
      const pending = expectAppError(
        slow.generate(request({ ...setup.cases[0]!, signal: controller.signal })),
        "PROVIDER_FAILED",
      );
      controller.abort(new Error("timeout"));
      await pending;
      expect(Date.now() - started).toBeLessThan(PROMPT_MS);
    });
  });
}
