import { createHash, randomUUID } from "node:crypto";
import { addDays } from "../clock/clock";
import type { RefusalCategory, ModerationSource } from "../moderation/prompt-moderator";
import { logger } from "../observability/logger";
import type { Services } from "../services";
import { ABUSE_RECORD_RETENTION_DAYS, ABUSE_RECORDS } from "./abuse-record";
import { countUse, type RateLimitRule } from "./rate-limit";

/**
 * One refused prompt can be a misunderstanding; the third within a day is a pattern.
 * Refusals are counted per account for a day (a counter that keeps nothing else); from
 * the third on, each refusal is written down as an abuse record, kept for a year.
 */
export const PROMPT_REFUSALS: RateLimitRule = { bucket: "prompt-refused", limit: 3, windowMs: 24 * 60 * 60_000 };

export interface RecordPromptRefusalOptions {
  services: Services;
  uid: string;
  prompt: string;
  categories: RefusalCategory[];
  source: ModerationSource;
}

/** Counts a refused prompt, and records it as abuse once the member's refusals repeat. */
export async function recordPromptRefusal(options: RecordPromptRefusalOptions): Promise<void> {
  const { db, clock } = options.services;
  const recorded = await db.runTransaction(async (tx) => {
    const now = clock.now();
    const refusals = await countUse(tx, { use: { rule: PROMPT_REFUSALS, key: options.uid }, now });
    if (refusals < PROMPT_REFUSALS.limit) return false;
    tx.create(ABUSE_RECORDS, randomUUID(), {
      uid: options.uid,
      kind: "repeated-prompt-refusals",
      promptHash: createHash("sha256").update(options.prompt).digest("hex"),
      categories: options.categories,
      source: options.source,
      refusalsInWindow: refusals,
      createdAt: now.toISOString(),
      expiresAt: addDays(now, ABUSE_RECORD_RETENTION_DAYS).toISOString(),
    });
    return true;
  });
  logger.warn("moderation.prompt_refused", { uid: options.uid, source: options.source, abuseRecorded: recorded });
}
