/**
 * The image model port. A request carries the prompt and nothing that identifies the
 * member: providers never learn who asked.
 */
import type { ImageFormat, ImageQuality } from "../pricing/price-table";

export interface ImageRequest {
  /** Our catalog id. */
  model: string;
  /** The provider's name for the model, from the price table. */
  providerModel: string;
  /** The provider's quality tier, when the catalog entry names one. */
  quality?: ImageQuality;
  prompt: string;
  /** A pixel size or an aspect ratio: whichever the model's catalog entry offers. */
  size: ImageFormat;
  /** Same model, prompt, size and seed give the same image where the provider allows it. */
  seed: number;
  /** Aborted when the provider call runs past its time limit. */
  signal: AbortSignal;
}

export interface ImageModelProvider {
  /** Resolves with PNG bytes, or rejects with AppError PROVIDER_FAILED. */
  generate(request: ImageRequest): Promise<Buffer>;
}
