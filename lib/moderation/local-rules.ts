/**
 * The local moderation rules: what local mode refuses when no OpenAI key is set
 * (production always uses OpenAI's moderation endpoint; see ARCHITECTURE.md). A small,
 * deliberately blunt list in English and Korean, one pattern per category, matched
 * against the prompt after Unicode normalisation (NFKC) and lower-casing. It exists so
 * the refusal path (422, nothing reserved, abuse record after repeats) works and can
 * be tested offline; it is not a content filter to rely on.
 */
import type { RefusalCategory } from "./prompt-moderator";

export interface LocalRule {
  category: RefusalCategory;
  /** What the pattern is meant to catch, for the reader. */
  catches: string;
  pattern: RegExp;
}

export const LOCAL_RULES: readonly LocalRule[] = [
  {
    category: "sexualMinors",
    catches: "a child or minor together with nudity or sexual words, in either order",
    pattern:
      /(\b(child|children|kid|minor|underage|preteen)\b|아동|어린이|미성년).*(\b(nude|naked|sexual|porn|erotic)\b|누드|나체|성적|음란)|(\b(nude|naked|sexual|porn|erotic)\b|누드|나체|성적|음란).*(\b(child|children|kid|minor|underage|preteen)\b|아동|어린이|미성년)/,
  },
  {
    category: "sexual",
    catches: "explicit sexual words",
    pattern: /\b(porn|pornographic|nsfw|hentai|explicit sex)\b|포르노|음란물|야동/,
  },
  {
    category: "violence",
    catches: "gore and mutilation",
    pattern: /\b(gore|beheading|beheaded|dismember(ed|ment)?|mutilat(ed|ion))\b|참수|신체 절단|고어/,
  },
  {
    category: "selfHarm",
    catches: "suicide and self-harm",
    pattern: /\b(suicide|self[- ]harm|kill (myself|yourself))\b|자살|자해/,
  },
  {
    category: "illicit",
    catches: "instructions for weapons or drugs",
    pattern: /\b(how to (make|build) a (bomb|gun)|bomb[- ]making|meth recipe)\b|폭탄 (제조|만드는 법)|마약 제조/,
  },
  {
    category: "hate",
    catches: "hate symbols and propaganda",
    pattern: /\b(nazi propaganda|white power|kkk)\b|나치 선전/,
  },
];

/** The categories of every rule the prompt matches; empty when it matches none. */
export function matchLocalRules(prompt: string): RefusalCategory[] {
  const text = prompt.normalize("NFKC").toLowerCase();
  return LOCAL_RULES.filter((rule) => rule.pattern.test(text)).map((rule) => rule.category);
}
