import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ensureUiFontSubset, UI_FONT_DIR, UI_FONT_FILE, uiCharacters } from "../../scripts/ui-font-subset";

let root: string;

function writeMessages(text: string): void {
  writeFileSync(join(root, "messages/ko/landing.json"), JSON.stringify({ title: text }));
}

const font = () => join(root, UI_FONT_DIR, UI_FONT_FILE);

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), "ui-font-"));
  mkdirSync(join(root, "messages/ko"), { recursive: true });
  mkdirSync(join(root, "lib/legal"), { recursive: true });
  symlinkSync(resolve("node_modules"), join(root, "node_modules"));
  writeMessages("비 오는 밤");
  writeFileSync(join(root, "lib/legal/terms.ts"), 'export const TITLE = "이용약관";');
});

afterEach(() => rmSync(root, { recursive: true, force: true }));

describe("the UI font subset", () => {
  it("takes every character of the messages and the lib texts, plus printable ASCII", () => {
    const characters = uiCharacters(root);
    for (const character of "비오는밤이용약관azAZ09~ ") expect(characters).toContain(character);
    expect(characters).not.toContain("흙");
  });

  // Subsetting a Korean font twice takes seconds of CPU: a busy machine must not fail it.
  it("is made from the texts, kept while they stay the same, and made again when they change", async () => {
    await ensureUiFontSubset(root);
    const first = statSync(font());
    expect(readFileSync(font()).subarray(0, 4).toString("latin1")).toBe("wOF2");

    await ensureUiFontSubset(root);
    expect(statSync(font()).mtimeMs).toBe(first.mtimeMs);

    writeMessages("비 오는 밤, 흙냄새 나는 골목길과 젖은 돌담");
    await ensureUiFontSubset(root);
    expect(statSync(font()).size).toBeGreaterThan(first.size);
  }, 60_000);
});
