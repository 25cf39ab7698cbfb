import { matchLocalRules } from "./local-rules";
import type { ModerationVerdict, PromptModerator } from "./prompt-moderator";

/** Local mode's moderator: the rules in local-rules.ts, offline and instant. */
export class LocalRulesModerator implements PromptModerator {
  readonly source = "local-rules";

  async moderate(prompt: string): Promise<ModerationVerdict> {
    const categories = matchLocalRules(prompt);
    return categories.length === 0 ? { allowed: true } : { allowed: false, categories };
  }
}
