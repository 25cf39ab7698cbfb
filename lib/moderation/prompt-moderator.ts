/**
 * The prompt moderation port: every prompt is judged here before any point is
 * reserved. A moderator that cannot judge (its service is down) rejects with
 * AppError PROVIDER_FAILED, and the submission is refused: we never let a prompt
 * through unjudged.
 */

/** Why a prompt was refused, in our own words (OpenAI's finer categories fold into these). */
export type RefusalCategory = "harassment" | "hate" | "illicit" | "selfHarm" | "sexual" | "sexualMinors" | "violence";

export type ModerationVerdict = { allowed: true } | { allowed: false; categories: RefusalCategory[] };

export type ModerationSource = "openai-moderation" | "local-rules";

export interface PromptModerator {
  readonly source: ModerationSource;
  moderate(prompt: string): Promise<ModerationVerdict>;
}

/** The category to tell the member: the gravest one, when a prompt falls under several. */
export function primaryCategory(categories: readonly RefusalCategory[]): RefusalCategory | "other" {
  const gravest: RefusalCategory[] = [
    "sexualMinors",
    "selfHarm",
    "violence",
    "illicit",
    "hate",
    "harassment",
    "sexual",
  ];
  return gravest.find((category) => categories.includes(category)) ?? "other";
}
