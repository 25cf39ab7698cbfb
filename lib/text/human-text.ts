/**
 * Text that people type and other people (or our own pages and mail) show again:
 * member names, prompts. Stored composed (NFC), so the same name is the same string.
 * Refused, with a message naming the field (its own messages in `errors`, so each
 * language can name it naturally):
 * - control characters (NUL, escape, C1 controls...): they corrupt logs, terminals
 *   and files; a multi-line field keeps line feed and tab, and Windows line ends
 *   become plain line feeds;
 * - lone surrogates: not text at all, and other systems replace or reject them;
 * - bidirectional embeddings, overrides and isolates (U+202A-202E, U+2066-2069):
 *   they make text read differently from what it is ("txt.exe" shown as "exe.txt");
 * - tag characters (U+E0000-E007F) outside an emoji flag sequence: invisible, yet
 *   readable by a model, they would carry hidden text in a prompt;
 * - text with nothing visible (spaces, and every default-ignorable code point:
 *   zero-width characters, variation selectors, fillers, invisible format marks): an
 *   empty name or prompt in disguise. Zero-width joiners inside visible text stay,
 *   since emoji sequences and several scripts need them.
 * Pure, so the rule is tested directly.
 */
import { z } from "zod";
import type { ErrorMessageKey } from "../errors/error-messages";
import type { Messages } from "../i18n/messages";

/** The fields with human-text messages of their own (`errors` humanText.<field>), naming the field in each language. */
export type HumanTextField = keyof Messages["errors"]["humanText"];

type HumanTextProblem = keyof Messages["errors"]["humanText"][HumanTextField];

/** Line feeds and tabs allowed inside (a prompt), or one line only (a name): what each field's messages say. */
const MULTILINE: Record<HumanTextField, boolean> = {
  name: false,
  prompt: true,
  details: true,
  message: true,
  answer: true,
  reason: true,
};

export interface HumanTextRules {
  field: HumanTextField;
  maxLength: number;
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const CONTROL = /[\u0000-\u001F\u007F-\u009F]/;
const CONTROL_BUT_LINE_FEED_AND_TAB = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/;
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/;
/** The flags of England, Scotland and Wales: a black flag, tag letters, a cancel tag. */
const EMOJI_TAG_SEQUENCE = /\u{1F3F4}[\u{E0061}-\u{E007A}]{1,7}\u{E007F}/gu;
const TAG_CHARACTER = /[\u{E0000}-\u{E007F}]/u;
/** Characters that show nothing: white space, Unicode's default-ignorable code points, the blank braille pattern. */
const INVISIBLE = /[\s\p{Default_Ignorable_Code_Point}\u2800]/gu;

/** A zod string schema for one human-text field; its output is the cleaned text. */
export function humanText(rules: HumanTextRules): z.ZodString {
  const multiline = MULTILINE[rules.field];
  const control = multiline ? CONTROL_BUT_LINE_FEED_AND_TAB : CONTROL;
  const message = (problem: HumanTextProblem): ErrorMessageKey => `humanText.${rules.field}.${problem}`;
  return z
    .string({ error: message("required") })
    .refine((text) => !LONE_SURROGATE.test(text), { error: message("brokenCharacter"), abort: true })
    .overwrite((text) => {
      const composed = text.normalize("NFC");
      return multiline ? composed.replace(/\r\n?/g, "\n") : composed;
    })
    .trim()
    .min(1, { error: message("empty"), abort: true })
    .max(rules.maxLength, { error: message("tooLong"), abort: true })
    .refine((text) => !control.test(text), { error: message("controlCharacters"), abort: true })
    .refine((text) => !BIDI_CONTROL.test(text), { error: message("directionCharacters"), abort: true })
    .refine((text) => !TAG_CHARACTER.test(text.replace(EMOJI_TAG_SEQUENCE, "")), {
      error: message("tagCharacters"),
      abort: true,
    })
    .refine((text) => text.replace(INVISIBLE, "") !== "", { error: message("invisible") });
}
