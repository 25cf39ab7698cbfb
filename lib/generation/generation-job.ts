/** The generation job record and the rules for a valid request. */
import { z } from "zod";
import { errorKey } from "../errors/error-messages";
import { findModel, MAX_IMAGES_PER_GENERATION, modelSizes, type ImageFormat } from "../pricing/price-table";
import { humanText } from "../text/human-text";

import { GENERATIONS } from "../privacy/data-inventory";

export { GENERATIONS };
export const MAX_PROMPT_LENGTH = 1_000;
/** Generation requests are kept as long as their images. */
export const GENERATION_RETENTION_DAYS = 90;

/**
 * `waiting`: every image is asked of an asynchronous provider (a Replicate prediction)
 * and the job holds no worker and no lease until the provider answers, by webhook or
 * when polled (settle-prediction.ts).
 */
export type GenerationStatus = "queued" | "running" | "waiting" | "succeeded" | "partial" | "failed";

export interface GenerationJob {
  uid: string;
  prompt: string;
  model: string;
  size: ImageFormat;
  count: number;
  status: GenerationStatus;
  pointsReserved: number;
  pointsCharged: number | null;
  imageIds: string[];
  imagesFailed: number[];
  attempts: number;
  leaseOwner: string | null;
  leaseExpiresAt: string | null;
  errorCode: string | null;
  createdAt: string;
  updatedAt: string;
  /**
   * The asynchronous provider's prediction making each image, by image index: one id
   * repeats for the images of a prediction that makes several. Only grows.
   */
  predictionIds: string[];
  /** While waiting: when to ask the provider in case its webhook was lost. */
  nextPollAt: string | null;
  /** When a worker first took the job. */
  startedAt: string | null;
  /** The member asked to stop a running job; the worker stops after the image in progress. */
  cancelRequestedAt: string | null;
  finishedAt: string | null;
  expiresAt: string;
}

export const generationInput = z
  .object({
    prompt: humanText({ field: "prompt", maxLength: MAX_PROMPT_LENGTH }),
    model: z
      .string({ error: errorKey("validation.model") })
      .describe("A model id from GET /api/catalog, e.g. gpt-image-2-medium."),
    size: z
      .string({ error: errorKey("validation.sizeRequired") })
      .describe("A pixel size (1024x1536) or an aspect ratio (16:9): one the model lists in GET /api/catalog."),
    count: z
      .number({ error: errorKey("validation.count.number") })
      .int(errorKey("validation.count.whole"))
      .min(1, errorKey("validation.count.tooFew"))
      .max(MAX_IMAGES_PER_GENERATION, errorKey("validation.count.tooMany")),
  })
  .superRefine((input, ctx) => {
    const model = findModel(input.model);
    if (!model) {
      ctx.addIssue({ code: "custom", path: ["model"], message: errorKey("validation.model") });
      return;
    }
    if (!modelSizes(model).includes(input.size as ImageFormat)) {
      ctx.addIssue({
        code: "custom",
        path: ["size"],
        message: errorKey("validation.size"),
        params: { model: model.name, sizes: modelSizes(model).join(", ") },
      });
    }
  })
  .transform((input) => ({ ...input, size: input.size as ImageFormat }));

export type GenerationInput = z.output<typeof generationInput>;

export function isFinished(status: GenerationStatus): boolean {
  return status === "succeeded" || status === "partial" || status === "failed";
}
