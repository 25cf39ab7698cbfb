/**
 * The UI font: Pretendard cut down to the characters the product itself can put on a
 * page (every message, legal text, data-inventory entry and default business detail,
 * in both languages, plus printable ASCII): about 54 KB per weight instead of 270 KB
 * for the KS X 1001 subset it is cut from. What members write (prompts, names) may
 * hold any syllable: app/fonts.ts says how that is shown.
 *
 * next.config.ts calls ensureUiFontSubset() before every `next` command (dev, build,
 * typegen), so the font always matches the texts. It is remade only when a text or
 * the source font changed, and written to `.next-fonts/` (generated, not committed).
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import subsetFont from "subset-font";

export const UI_FONT_DIR = ".next-fonts";

const WEIGHTS = ["Regular", "Bold"] as const;
const SOURCE_DIR = "node_modules/pretendard/dist/web/static/woff2-subset";
/** Where the texts a page can show live: messages, and the lib code that renders legal and mail text. */
const TEXT_ROOTS = ["messages", "lib"];
const TEXT_FILE = /\.(json|ts)$/;

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return filesUnder(path);
    return TEXT_FILE.test(entry.name) ? [path] : [];
  });
}

/** Every character the product's own texts use, with printable ASCII for whatever else a page shows. */
export function uiCharacters(root: string = process.cwd()): string {
  const characters = new Set<string>();
  for (let code = 0x20; code < 0x7f; code++) characters.add(String.fromCharCode(code));
  for (const file of TEXT_ROOTS.flatMap((dir) => filesUnder(join(root, dir)))) {
    for (const character of readFileSync(file, "utf8")) {
      if (character.codePointAt(0)! > 0x7f) characters.add(character);
    }
  }
  return [...characters].sort().join("");
}

export async function ensureUiFontSubset(root: string = process.cwd()): Promise<void> {
  const characters = uiCharacters(root);
  const sources = WEIGHTS.map((weight) => readFileSync(join(root, SOURCE_DIR, `Pretendard-${weight}.subset.woff2`)));
  const digest = createHash("sha256").update(characters);
  for (const source of sources) digest.update(source);
  const fingerprint = digest.digest("hex");

  const outDir = join(root, UI_FONT_DIR);
  const stamp = join(outDir, "inputs.sha256");
  if (existsSync(stamp) && readFileSync(stamp, "utf8") === fingerprint) return;
  mkdirSync(outDir, { recursive: true });
  await Promise.all(
    WEIGHTS.map(async (weight, index) => {
      const font = await subsetFont(sources[index]!, characters, { targetFormat: "woff2" });
      // Written whole, then renamed: two `next` commands starting at once never read half a font.
      const target = join(outDir, `Pretendard-${weight}.ui.woff2`);
      writeFileSync(`${target}.${process.pid}`, font);
      renameSync(`${target}.${process.pid}`, target);
    }),
  );
  writeFileSync(stamp, fingerprint);
}
