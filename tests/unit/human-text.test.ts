import { describe, expect, it } from "vitest";
import { humanText } from "../../lib/text/human-text";

const line = humanText({
  label: "The title",
  maxLength: 10,
  multiline: false,
  requiredMessage: "title is required",
  emptyMessage: "Enter a title",
});
const text = humanText({
  label: "The note",
  maxLength: 10,
  multiline: true,
  requiredMessage: "note is required",
  emptyMessage: "Enter a note",
});

function messages(schema: typeof line, input: unknown): string[] {
  const result = schema.safeParse(input);
  return result.success ? [] : result.error.issues.map((issue) => issue.message);
}

describe("humanText", () => {
  it("answers one message per problem, naming the field", () => {
    expect(messages(line, undefined)).toEqual(["title is required"]);
    expect(messages(line, 42)).toEqual(["title is required"]);
    expect(messages(line, "   ")).toEqual(["Enter a title"]);
    expect(messages(line, "12345678901")).toEqual(["The title may have at most 10 characters"]);
    expect(messages(line, "a\u0000b")).toEqual(["The title may not contain control characters, line breaks or tabs"]);
    expect(messages(text, "a\u0000b")).toEqual([
      "The note may not contain control characters other than line breaks and tabs",
    ]);
    expect(messages(line, "a\ud800b")).toEqual(["The title contains a broken character (a lone surrogate)"]);
    expect(messages(line, "a\u202eb")).toEqual([
      "The title may not contain characters that change the writing direction (U+202A-U+202E, U+2066-U+2069)",
    ]);
    expect(messages(line, "\u200b")).toEqual(["The title has no visible characters"]);
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
    expect(messages(text, hidden)).toEqual(["The note may not contain invisible tag characters (U+E0000-U+E007F)"]);
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
