/**
 * OpenAI's moderation endpoint (POST /v1/moderations, omni-moderation-latest) through
 * the official package. Only the prompt is sent: nothing names the member.
 */
import type OpenAI from "openai";
import { AppError } from "../errors/app-error";
import { createOpenAiClient } from "../openai/create-openai-client";
import type { ModerationVerdict, PromptModerator, RefusalCategory } from "./prompt-moderator";

export const MODERATION_MODEL = "omni-moderation-latest";

/**
 * The member is waiting on the submit button: a few seconds per attempt and one retry
 * (after about half a second) bound the wait at about 11 seconds.
 */
const MODERATION_TIMEOUT_MS = 5_000;
const MODERATION_MAX_RETRIES = 1;

/** OpenAI's categories, folded into ours. */
const CATEGORY_OF: Readonly<Record<keyof OpenAI.Moderation.Categories, RefusalCategory>> = {
  harassment: "harassment",
  "harassment/threatening": "harassment",
  hate: "hate",
  "hate/threatening": "hate",
  illicit: "illicit",
  "illicit/violent": "illicit",
  "self-harm": "selfHarm",
  "self-harm/instructions": "selfHarm",
  "self-harm/intent": "selfHarm",
  sexual: "sexual",
  "sexual/minors": "sexualMinors",
  violence: "violence",
  "violence/graphic": "violence",
};

export interface OpenAiModeratorOptions {
  apiKey: string;
  baseURL: string;
}

export class OpenAiModerator implements PromptModerator {
  readonly source = "openai-moderation";
  private readonly client: OpenAI;

  constructor(options: OpenAiModeratorOptions) {
    this.client = createOpenAiClient({
      ...options,
      timeoutMs: MODERATION_TIMEOUT_MS,
      maxRetries: MODERATION_MAX_RETRIES,
    });
  }

  async moderate(prompt: string): Promise<ModerationVerdict> {
    let result: OpenAI.Moderation | undefined;
    try {
      const response = await this.client.moderations.create({ model: MODERATION_MODEL, input: prompt });
      result = response.results[0];
    } catch (error) {
      throw new AppError("PROVIDER_FAILED", "service.moderationUnavailable", {
        diagnostic: `OpenAI moderation failed (${error instanceof Error ? error.name : "unknown"}).`,
      });
    }
    if (!result)
      throw new AppError("PROVIDER_FAILED", "service.moderationUnavailable", {
        diagnostic: "OpenAI moderation answered without a result.",
      });
    if (!result.flagged) return { allowed: true };
    const flagged = (Object.keys(CATEGORY_OF) as (keyof typeof CATEGORY_OF)[]).filter(
      (name) => result.categories[name] === true,
    );
    return { allowed: false, categories: [...new Set(flagged.map((name) => CATEGORY_OF[name]))] };
  }
}
