/**
 * Text that people type and other people (or our own pages and mail) show again:
 * member names, prompts. Stored composed (NFC), so the same name is the same string.
 * Refused, with a message naming the field:
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

export interface HumanTextRules {
  /** How the messages name the field, capitalised: "Your name", "The prompt". */
  label: string;
  maxLength: number;
  /** Line feeds and tabs allowed inside (a prompt), or one line only (a name). */
  multiline: boolean;
  /** The message for a missing field or one that is not a string. */
  requiredMessage: string;
  /** The message for an empty field (after trimming). */
  emptyMessage: string;
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
  const control = rules.multiline ? CONTROL_BUT_LINE_FEED_AND_TAB : CONTROL;
  return z
    .string({ error: rules.requiredMessage })
    .refine((text) => !LONE_SURROGATE.test(text), {
      error: `${rules.label} contains a broken character (a lone surrogate)`,
      abort: true,
    })
    .overwrite((text) => {
      const composed = text.normalize("NFC");
      return rules.multiline ? composed.replace(/\r\n?/g, "\n") : composed;
    })
    .trim()
    .min(1, { error: rules.emptyMessage, abort: true })
    .max(rules.maxLength, { error: `${rules.label} may have at most ${rules.maxLength} characters`, abort: true })
    .refine((text) => !control.test(text), {
      error: rules.multiline
        ? `${rules.label} may not contain control characters other than line breaks and tabs`
        : `${rules.label} may not contain control characters, line breaks or tabs`,
      abort: true,
    })
    .refine((text) => !BIDI_CONTROL.test(text), {
      error: `${rules.label} may not contain characters that change the writing direction (U+202A-U+202E, U+2066-U+2069)`,
      abort: true,
    })
    .refine((text) => !TAG_CHARACTER.test(text.replace(EMOJI_TAG_SEQUENCE, "")), {
      error: `${rules.label} may not contain invisible tag characters (U+E0000-U+E007F)`,
      abort: true,
    })
    .refine((text) => text.replace(INVISIBLE, "") !== "", {
      error: `${rules.label} has no visible characters`,
    });
}
