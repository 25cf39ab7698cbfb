/**
 * The heading font: Pretendard Bold cut down to the characters the product itself can
 * put on a page (every message, legal text, data-inventory entry and default business
 * detail, in both languages, plus printable ASCII), and to the OpenType features a
 * browser applies to our text (KEPT_FEATURES): about 47 KB instead of 270 KB for the
 * KS X 1001 subset it is cut from. Every feature (the default) would keep the glyphs of
 * Pretendard's stylistic sets, fractions and case forms too: 59 KB. What members write
 * (prompts, names) may hold any syllable: app/fonts.ts says how that is shown.
 *
 * next.config.ts calls ensureUiFontSubset() before every `next` command (dev, build,
 * typegen), so the font always matches the texts. It is remade only when a text, the
 * source font or the kept features changed, and written to `.next-fonts/` (generated,
 * not committed).
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import subsetFont from "subset-font";

export const UI_FONT_DIR = ".next-fonts";

export const UI_FONT_FILE = "Pretendard-Bold.ui.woff2";
const SOURCE_FONT = "node_modules/pretendard/dist/web/static/woff2-subset/Pretendard-Bold.subset.woff2";
/**
 * What a browser's shaper applies by default to Latin and Hangul text (composition,
 * localized forms, marks, kerning, ligatures, contextual forms, the Hangul jamo
 * features) and `tnum`, which app/globals.css asks for on amounts and dates.
 */
const KEPT_FEATURES = [
  "ccmp",
  "locl",
  "mark",
  "mkmk",
  "kern",
  "liga",
  "clig",
  "calt",
  "rlig",
  "rvrn",
  "ljmo",
  "vjmo",
  "tjmo",
  "tnum",
];
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
  const source = readFileSync(join(root, SOURCE_FONT));
  const fingerprint = createHash("sha256")
    .update(characters)
    .update(KEPT_FEATURES.join(","))
    .update(source)
    .digest("hex");

  const outDir = join(root, UI_FONT_DIR);
  const stamp = join(outDir, "inputs.sha256");
  if (existsSync(stamp) && readFileSync(stamp, "utf8") === fingerprint) return;
  mkdirSync(outDir, { recursive: true });
  const font = await subsetFont(source, characters, { targetFormat: "woff2", keepFeatures: KEPT_FEATURES });
  // Written whole, then renamed: two `next` commands starting at once never read half a font.
  const target = join(outDir, UI_FONT_FILE);
  writeFileSync(`${target}.${process.pid}`, font);
  renameSync(`${target}.${process.pid}`, target);
  writeFileSync(stamp, fingerprint);
}
