/**
 * What AI provenance costs per image, printing figures (no assertions): the C2PA
 * manifest (c2pa-ts, signed with a throwaway identity), the XMP packet, and the
 * visible mark, on a 1024x1024 PNG shaped like a generated one (smooth gradients and
 * noise) and on a 320 px thumbnail, as PNG (what c2pa-ts can sign) and as the WebP the
 * views use (which c2pa-ts cannot: it takes XMP only).
 *
 *   npm run bench:provenance [-- --runs 50]
 */
import { parseArgs } from "node:util";
import sharp from "sharp";
import { SharpImageProcessor } from "../lib/images/sharp-image-processor";
import { C2paContentCredentials } from "../lib/provenance/c2pa-content-credentials";
import { imageProvenance, VISIBLE_MARK_TEXT } from "../lib/provenance/image-provenance";
import { withPngXmp } from "../lib/provenance/png-xmp";
import { throwawaySigningIdentity } from "../lib/provenance/throwaway-signing-identity";
import { xmpPacket } from "../lib/provenance/xmp-packet";

const { values: args } = parseArgs({ options: { runs: { type: "string", default: "50" } } });
const runs = Number(args.runs);

async function generatedLikePng(side: number): Promise<Buffer> {
  const pixels = Buffer.alloc(side * side * 3);
  for (let y = 0; y < side; y++)
    for (let x = 0; x < side; x++) {
      const i = (y * side + x) * 3;
      const noise = Math.random() * 24;
      pixels[i] = (x / side) * 200 + noise;
      pixels[i + 1] = (y / side) * 180 + noise;
      pixels[i + 2] = 120 + Math.sin((x + y) / 40) * 60 + noise;
    }
  return sharp(pixels, { raw: { width: side, height: side, channels: 3 } })
    .png()
    .toBuffer();
}

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; result: T }> {
  let result = await work();
  const started = performance.now();
  for (let i = 0; i < runs; i++) result = await work();
  return { ms: (performance.now() - started) / runs, result };
}

const credentials = new C2paContentCredentials(await throwawaySigningIdentity());
const provenance = imageProvenance({ model: "gpt-image-2-medium", createdAt: new Date().toISOString() });
const xmp = xmpPacket(provenance);
const processor = new SharpImageProcessor();
const full = await generatedLikePng(1024);
const thumbnailPng = await sharp(full).resize(320).png().toBuffer();

console.log(`AI provenance, ${runs} runs each (model "${provenance.modelName}")`);
for (const [name, png] of [
  ["1024x1024 PNG", full],
  ["320x320 PNG", thumbnailPng],
] as const) {
  const signed = await timed(() => credentials.signPng(png, provenance));
  const withXmp = await timed(async () => withPngXmp(png, xmp));
  console.log(
    `${name} (${png.length} B): C2PA ${signed.ms.toFixed(2)} ms, +${signed.result.length - png.length} B; ` +
      `XMP ${withXmp.ms.toFixed(2)} ms, +${withXmp.result.length - png.length} B`,
  );
}
const webp = await sharp(full).resize(320).webp({ quality: 80, effort: 2 }).toBuffer();
const webpWithXmp = await sharp(full).resize(320).withXmp(xmp).webp({ quality: 80, effort: 2 }).toBuffer();
console.log(
  `320x320 WebP thumbnail (${webp.length} B): XMP +${webpWithXmp.length - webp.length} B ` +
    `(${(((webpWithXmp.length - webp.length) / webp.length) * 100).toFixed(1)}%); C2PA: not supported by c2pa-ts`,
);
const marked = await timed(() =>
  processor.withVisibleMark(full, { text: VISIBLE_MARK_TEXT, position: "bottom-right" }),
);
console.log(`visible mark on 1024x1024 (draw and re-encode PNG): ${marked.ms.toFixed(1)} ms`);
