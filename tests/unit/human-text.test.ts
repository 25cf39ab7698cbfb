import { describe, expect, it } from "vitest";
import { z } from "zod";
import { renderZodIssues } from "../../lib/errors/error-messages";
import { humanText } from "../../lib/text/human-text";

const line = humanText({ field: "name", maxLength: 10 });
const text = humanText({ field: "prompt", maxLength: 10 });

/** The message keys of the problems found (each a key into the `errors` messages). */
function messages(schema: typeof line, input: unknown): string[] {
  const result = schema.safeParse(input);
  return result.success ? [] : result.error.issues.map((issue) => issue.message);
}

describe("humanText", () => {
  it("answers one message per problem, from the field's own messages", () => {
    expect(messages(line, undefined)).toEqual(["humanText.name.required"]);
    expect(messages(line, 42)).toEqual(["humanText.name.required"]);
    expect(messages(line, "   ")).toEqual(["humanText.name.empty"]);
    expect(messages(line, "12345678901")).toEqual(["humanText.name.tooLong"]);
    expect(messages(line, "a\u0000b")).toEqual(["humanText.name.controlCharacters"]);
    expect(messages(text, "a\u0000b")).toEqual(["humanText.prompt.controlCharacters"]);
    expect(messages(line, "a\ud800b")).toEqual(["humanText.name.brokenCharacter"]);
    expect(messages(line, "a\u202eb")).toEqual(["humanText.name.directionCharacters"]);
    expect(messages(line, "\u200b")).toEqual(["humanText.name.invisible"]);
  });

  it("reads as a sentence naming the field and the limit, in English and Korean", () => {
    const form = z.object({ name: line, prompt: text });
    const result = form.safeParse({ name: "12345678901", prompt: "a\u0000b" });
    if (result.success) throw new Error("Expected the input to be refused.");
    expect(renderZodIssues(result.error, "en")).toEqual({
      name: "Your name may have at most 10 characters.",
      prompt: "The prompt may not contain control characters other than line breaks and tabs.",
    });
    expect(renderZodIssues(result.error, "ko")).toEqual({
      name: "이름은 10자까지 입력할 수 있습니다.",
      prompt: "프롬프트에는 줄바꿈과 탭 말고는 제어 문자를 쓸 수 없습니다.",
    });
  });

  it("refuses every C0 control but line feed and tab in multi-line text, and all of them in one line", () => {
    for (let code = 0; code < 0x20; code++) {
      const char = String.fromCharCode(code);
      expect(messages(line, `a${char}b`), `U+${code.toString(16)}`).not.toEqual([]);
      const allowed = char === "\n" || char === "\t" || char === "\r";
      expect(messages(text, `a${char}b`).length === 0, `U+${code.toString(16)}`).toBe(allowed);
    }
    expect(messages(text, "a\u007fb")).not.toEqual([]);
    expect(messages(text, "a\u009bb")).not.toEqual([]);
  });

  it.each(["\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069"])(
    "refuses the direction control U+%s",
    (char) => {
      expect(messages(text, `abc${char}def`)).toHaveLength(1);
    },
  );

  it("refuses a lone surrogate at either end and accepts a pair", () => {
    expect(messages(line, "\udc00ab")).toHaveLength(1);
    expect(messages(line, "ab\ud83d")).toHaveLength(1);
    expect(messages(line, "ab\ud83d\ude00")).toEqual([]);
  });

  it.each([
    ["spaces and zero-width space", " \u200b "],
    ["zero-width non-joiner and joiner", "\u200c\u200d"],
    ["word joiner", "\u2060"],
    ["byte order mark", "\ufeff\ufeff"],
    ["Hangul fillers", "\u3164\u115f\u1160\uffa0"],
    ["soft hyphen", "\u00ad"],
    ["blank braille pattern", "\u2800"],
    ["ideographic space", "\u3000"],
    ["no-break space", "\u00a0"],
    ["line breaks and tabs", "\n\t\n"],
    ["variation selectors", "\ufe0f\ufe0e"],
    ["the Arabic letter mark", "\u061c"],
    ["invisible operators", "\u2062\u2065"],
    ["musical formatting characters", "\u{1d173}\u{1d17a}"],
  ])("refuses text of only %s", (_what, input) => {
    expect(messages(text, input)).not.toEqual([]);
  });

  it("refuses tag characters, which hide text a model can read, but keeps emoji flags made of them", () => {
    const hidden = [..."run"].map((c) => String.fromCodePoint(0xe0000 + c.charCodeAt(0))).join("");
    expect(messages(text, hidden)).toEqual(["humanText.prompt.tagCharacters"]);
    expect(messages(text, `cat${hidden}`)).toHaveLength(1);
    const scotland = "\u{1f3f4}\u{e0067}\u{e0062}\u{e0073}\u{e0063}\u{e0074}\u{e007f}";
    expect(text.parse(scotland)).toBe(scotland);
  });

  it("keeps zero-width joiners inside visible text", () => {
    expect(text.parse("👩\u200d🎨")).toBe("👩\u200d🎨");
    expect(text.parse("\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645")).toBe(
      "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645",
    );
  });

  it("composes to NFC before counting, and trims", () => {
    expect(line.parse("  Cafe\u0301  ")).toBe("Caf\u00e9");
    // Ten characters once composed, eleven before.
    expect(line.parse("aaaaaaaaae\u0301")).toBe("aaaaaaaaa\u00e9");
  });

  it("makes Windows and old Mac line ends plain line feeds in multi-line text", () => {
    expect(text.parse("a\r\nb\rc")).toBe("a\nb\nc");
    expect(messages(line, "a\r\nb")).not.toEqual([]);
  });
});
