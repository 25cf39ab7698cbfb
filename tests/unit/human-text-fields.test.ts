/**
 * The member name and the prompt refuse text a person cannot see or that misleads a
 * reader, each with a message of its own field.
 */
import { describe, expect, it } from "vitest";
import { createAccountInput } from "../../lib/accounts/create-account";
import { generationInput } from "../../lib/generation/generation-job";

const account = { ageConfirmed: true, consents: { terms: true, privacy: true, marketing: false } };
const generation = { model: "local-sketch", size: "512x512", count: 1 };

function nameProblem(name: string): string | undefined {
  const result = createAccountInput.safeParse({ ...account, name });
  return result.success ? undefined : result.error.issues.find((issue) => issue.path[0] === "name")?.message;
}

function promptProblem(prompt: string): string | undefined {
  const result = generationInput.safeParse({ ...generation, prompt });
  return result.success ? undefined : result.error.issues.find((issue) => issue.path[0] === "prompt")?.message;
}

const refusedEverywhere: [string, string][] = [
  ["NUL", "Kim\u0000Minji"],
  ["escape", "Kim\u001b[31mMinji"],
  ["DEL", "Kim\u007fMinji"],
  ["C1 control", "Kim\u0085Minji"],
  ["lone high surrogate", "Kim\ud83dMinji"],
  ["lone low surrogate", "Kim\ude00Minji"],
  ["right-to-left override", "Kim\u202eijniM"],
  ["left-to-right embedding", "\u202aKim"],
  ["pop directional formatting", "Kim\u202c"],
  ["right-to-left isolate", "Kim\u2067Minji"],
  ["pop directional isolate", "Kim\u2069"],
  ["zero-width space only", "\u200b"],
  ["zero-width joiners only", "\u200c\u200d\u200c"],
  ["word joiner and BOM only", "\u2060\ufeff"],
  ["zero-width between spaces", " \u200b \u200b "],
  ["Hangul filler only", "\u3164\u3164"],
];

describe("the member name", () => {
  it.each(refusedEverywhere)("refuses %s", (_what, name) => {
    expect(nameProblem(name)).toMatch(/^humanText\.name\./);
  });

  it.each([
    ["line feed", "Kim\nMinji"],
    ["tab", "Kim\tMinji"],
    ["carriage return", "Kim\rMinji"],
  ])("refuses a %s inside a name", (_what, name) => {
    expect(nameProblem(name)).toMatch(/^humanText\.name\./);
  });

  it("accepts names in any script, with emoji joined by zero-width joiners", () => {
    for (const name of ["김민지", "محمد", "Zoë", "👩‍🎨 Ana", "O'Brien-Smith"]) expect(nameProblem(name)).toBeUndefined();
  });

  it("stores the composed (NFC) form, trimmed", () => {
    const parsed = createAccountInput.parse({ ...account, name: "  Jose\u0301 " });
    expect(parsed.name).toBe("Jos\u00e9");
  });
});

describe("the prompt", () => {
  it.each(refusedEverywhere)("refuses %s", (_what, prompt) => {
    expect(promptProblem(prompt)).toMatch(/^humanText\.prompt\./);
  });

  it("keeps line breaks and tabs, with Windows line ends made plain", () => {
    const parsed = generationInput.parse({ ...generation, prompt: "a lighthouse\r\n\tat dusk\nin the rain" });
    expect(parsed.prompt).toBe("a lighthouse\n\tat dusk\nin the rain");
  });

  it("stores the composed (NFC) form", () => {
    expect(generationInput.parse({ ...generation, prompt: "cafe\u0301" }).prompt).toBe("caf\u00e9");
  });

  it("refuses a prompt of only line breaks and tabs", () => {
    expect(promptProblem("\n\t\n")).toBe("humanText.prompt.empty");
  });
});
