import { randomUUID } from "node:crypto";
import { addDays } from "../clock/clock";
import { AppError } from "../errors/app-error";
import { recordPromptRefusal } from "../abuse/record-prompt-refusal";
import { hashRequest, readIdempotencyKey, recordIdempotencyKey } from "../idempotency/idempotency-key";
import { primaryCategory } from "../moderation/prompt-moderator";
import { readPointAccount } from "../points/ledger";
import { reservePoints } from "../points/reservations";
import { findModel, generationCost } from "../pricing/price-table";
import type { Services } from "../services";
import { plural } from "../text/plural";
import { assertProcessingAllowed } from "../privacy/processing-restriction";
import {
  GENERATION_RETENTION_DAYS,
  GENERATIONS,
  generationInput,
  type GenerationJob,
  type GenerationStatus,
} from "./generation-job";

export interface SubmittedGeneration {
  id: string;
  status: GenerationStatus;
  pointsReserved: number;
}

/**
 * Refuses a prompt the moderator does not allow (422 PROMPT_REFUSED), after counting
 * the refusal against the member. Runs before anything is reserved or stored, so a
 * refused prompt costs nothing; a moderator that cannot judge refuses too (502).
 */
async function moderatePrompt(options: { services: Services; uid: string; prompt: string }): Promise<void> {
  const { moderator } = options.services;
  const verdict = await moderator.moderate(options.prompt);
  if (verdict.allowed) return;
  await recordPromptRefusal({ ...options, categories: verdict.categories, source: moderator.source });
  const category = primaryCategory(verdict.categories);
  const message = { key: "generation.promptRefused", values: { category } } as const;
  throw new AppError("PROMPT_REFUSED", message.key, {
    values: message.values,
    details: { category },
    fields: { prompt: message },
  });
}

/**
 * Queues a generation and reserves its price in one transaction. The price comes
 * from the server's table; the prompt is moderated first. A repeat with the same
 * Idempotency-Key and content returns the first job and reserves nothing more.
 */
export async function submitGeneration(options: {
  services: Services;
  uid: string;
  input: unknown;
  idempotencyKey: string;
}): Promise<SubmittedGeneration> {
  const { db, clock } = options.services;
  const input = generationInput.parse(options.input);
  const model = findModel(input.model);
  const cost = model ? generationCost(model, input.size, input.count) : undefined;
  if (!model || cost === undefined)
    throw new AppError("INTERNAL", "service.internal", {
      diagnostic: "The validated model has no price for this size.",
    });
  if (!options.services.imageProviders[model.provider])
    throw new AppError("VALIDATION_FAILED", "validation.modelUnavailable", {
      fields: { model: "validation.modelUnavailable" },
      diagnostic: `${model.id} needs provider ${model.provider}, which IMAGE_PROVIDERS does not configure.`,
    });
  // Before moderation: a restricted member's prompt goes to no provider at all.
  await assertProcessingAllowed(db, options.uid);
  await moderatePrompt({ services: options.services, uid: options.uid, prompt: input.prompt });
  const requestHash = hashRequest(input);
  const keyOptions = { uid: options.uid, scope: "generation", key: options.idempotencyKey, requestHash };

  const submitted = await db.runTransaction(async (tx): Promise<SubmittedGeneration> => {
    const now = clock.now();
    const existingId = await readIdempotencyKey(tx, { ...keyOptions, now });
    if (existingId) {
      const existing = await tx.get(GENERATIONS, existingId);
      if (existing)
        return { id: existingId, status: existing.data.status, pointsReserved: existing.data.pointsReserved };
      throw new AppError("INVALID_STATE", "generation.idempotentGone");
    }
    const account = await readPointAccount(tx, options.uid);
    const id = randomUUID();
    reservePoints(tx, {
      account,
      reservationId: id,
      amount: cost,
      reason: `Held for ${plural(input.count, "image")} (${model.name}, ${input.size})`,
      now,
    });
    const job: GenerationJob = {
      uid: options.uid,
      prompt: input.prompt,
      model: input.model,
      size: input.size,
      count: input.count,
      status: "queued",
      pointsReserved: cost,
      pointsCharged: null,
      imageIds: [],
      imagesFailed: [],
      attempts: 0,
      leaseOwner: null,
      leaseExpiresAt: null,
      errorCode: null,
      createdAt: now.toISOString(),
      updatedAt: now.toISOString(),
      startedAt: null,
      predictionIds: [],
      nextPollAt: null,
      cancelRequestedAt: null,
      finishedAt: null,
      expiresAt: addDays(now, GENERATION_RETENTION_DAYS).toISOString(),
    };
    tx.create(GENERATIONS, id, job);
    recordIdempotencyKey(tx, { ...keyOptions, resultId: id, now });
    return { id, status: job.status, pointsReserved: cost };
  });
  if (submitted.status === "queued") options.services.workSignal.notify("generation");
  return submitted;
}
