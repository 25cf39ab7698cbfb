/**
 * The image model port. A request carries the prompt and nothing that identifies the
 * member: providers never learn who asked.
 */
import type { ImageSize } from "../pricing/price-table";

export interface ImageRequest {
  model: string;
  prompt: string;
  size: ImageSize;
  /** Same model, prompt, size and seed give the same image where the provider allows it. */
  seed: number;
  /** Aborted when the provider call runs past its time limit. */
  signal: AbortSignal;
}

export interface ImageModelProvider {
  /** Resolves with PNG bytes, or rejects with AppError PROVIDER_FAILED. */
  generate(request: ImageRequest): Promise<Buffer>;
}
