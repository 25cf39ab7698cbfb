/**
 * The moderation port's factory. With an OpenAI key (always in production: the
 * configuration refuses production without one) every prompt goes to OpenAI's
 * moderation endpoint; local mode without a key uses the local rules.
 */
import type { ServerConfig } from "../config/env";
import { LocalRulesModerator } from "./local-rules-moderator";
import { OpenAiModerator } from "./openai-moderator";
import type { PromptModerator } from "./prompt-moderator";

export function createPromptModerator(config: ServerConfig): PromptModerator {
  if (config.OPENAI_API_KEY !== undefined)
    return new OpenAiModerator({ apiKey: config.OPENAI_API_KEY, baseURL: config.OPENAI_BASE_URL });
  return new LocalRulesModerator();
}
