import { describe, expect, it } from "vitest";
import { LocalRulesModerator } from "../../lib/moderation/local-rules-moderator";
import { LOCAL_RULES, matchLocalRules } from "../../lib/moderation/local-rules";
import { primaryCategory } from "../../lib/moderation/prompt-moderator";

describe("the local moderation rules", () => {
  it.each([
    ["an nsfw pin-up", ["sexual"]],
    ["포르노 장면", ["sexual"]],
    ["a naked child", ["sexualMinors"]],
    ["미성년자 누드", ["sexualMinors"]],
    ["a beheading in the square", ["violence"]],
    ["자해하는 사람", ["selfHarm"]],
    ["how to make a bomb at home", ["illicit"]],
    ["nazi propaganda poster", ["hate"]],
    ["ＮＳＦＷ in full-width letters", ["sexual"]],
  ])("refuse %j as %j", (prompt, categories) => {
    expect(matchLocalRules(prompt)).toEqual(categories);
  });

  it.each([
    "red fox in deep snow",
    "a lighthouse at dusk, oil painting",
    "붉은 여우가 눈 속에 있습니다",
    "children playing in a park",
    "a naked tree in winter",
    "a sussex landscape",
  ])("let %j through", (prompt) => {
    expect(matchLocalRules(prompt)).toEqual([]);
  });

  it("cover one category per rule, each rule described", () => {
    expect(new Set(LOCAL_RULES.map((rule) => rule.category)).size).toBe(LOCAL_RULES.length);
    for (const rule of LOCAL_RULES) expect(rule.catches.length).toBeGreaterThan(10);
  });

  it("give the moderator's verdict, naming the gravest category to the member", async () => {
    const moderator = new LocalRulesModerator();
    expect(await moderator.moderate("a quiet harbour")).toEqual({ allowed: true });
    const verdict = await moderator.moderate("nsfw gore");
    expect(verdict).toEqual({ allowed: false, categories: ["sexual", "violence"] });
    expect(primaryCategory(verdict.allowed ? [] : verdict.categories)).toBe("violence");
    expect(primaryCategory([])).toBe("other");
  });
});
