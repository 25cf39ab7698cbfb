/**
 * The contract of the ImageProcessor port (lib/images/image-processor.ts), run against
 * every adapter: the size of an image from its header; WebP thumbnails whose shorter
 * side is each of THUMBNAIL_SIDES, aspect ratio kept, never enlarged and never the
 * same size twice, each carrying the XMP packet it is given; the visible mark drawn in
 * the corner asked for and nowhere else; and UnreadableImageError for bytes that are
 * not an image.
 */
import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";
import { UnreadableImageError, type ImageProcessor, type MarkPosition } from "../../../lib/images/image-processor";

const XMP = `<x:xmpmeta xmlns:x="adobe:ns:meta/"><!-- contract ${"x".repeat(8)} --></x:xmpmeta>`;

async function png(width: number, height: number): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: { r: 200, g: 80, b: 40 } } })
    .png()
    .toBuffer();
}

export function describeImageProcessorContract(adapterName: string, open: () => Promise<ImageProcessor>): void {
  describe(`ImageProcessor contract: ${adapterName}`, () => {
    let processor: ImageProcessor;

    beforeAll(async () => {
      processor = await open();
    });

    it("reads an image's size", async () => {
      expect(await processor.inspect(await png(1536, 1024))).toEqual({ width: 1536, height: 1024 });
    });

    it.each([
      [
        1024,
        1024,
        [
          [320, 320, 320],
          [640, 640, 640],
          [960, 960, 960],
        ],
      ],
      [
        1536,
        1024,
        [
          [320, 480, 320],
          [640, 960, 640],
          [960, 1440, 960],
        ],
      ],
      [
        1024,
        1536,
        [
          [320, 320, 480],
          [640, 640, 960],
          [960, 960, 1440],
        ],
      ],
      [
        512,
        512,
        [
          [320, 320, 320],
          [640, 512, 512],
        ],
      ],
      [100, 50, [[320, 100, 50]]],
    ])("makes WebP thumbnails of a %ix%i PNG: [side, width, height] %j", async (width, height, expected) => {
      const thumbnails = await processor.thumbnails(await png(width, height), { xmp: XMP });
      expect(thumbnails.map((t) => [t.side, t.width, t.height])).toEqual(expected);
      for (const thumbnail of thumbnails) {
        const meta = await sharp(thumbnail.bytes).metadata();
        expect([meta.format, meta.width, meta.height]).toEqual(["webp", thumbnail.width, thumbnail.height]);
        expect(meta.xmpAsString).toBe(XMP);
      }
    });

    /** How many pixels of each quarter of the image differ between two renderings. */
    async function changedQuarters(before: Buffer, after: Buffer, width: number, height: number) {
      const [a, b] = await Promise.all([before, after].map((bytes) => sharp(bytes).removeAlpha().raw().toBuffer()));
      const counts = { "top-left": 0, "top-right": 0, "bottom-left": 0, "bottom-right": 0 };
      for (let y = 0; y < height; y++)
        for (let x = 0; x < width; x++) {
          const i = (y * width + x) * 3;
          if (a![i] === b![i] && a![i + 1] === b![i + 1] && a![i + 2] === b![i + 2]) continue;
          counts[`${y < height / 2 ? "top" : "bottom"}-${x < width / 2 ? "left" : "right"}` as MarkPosition] += 1;
        }
      return counts;
    }

    it.each(["bottom-right", "bottom-left", "top-right", "top-left"] as const)(
      "draws the visible mark in the %s corner only, on a PNG of the same size",
      async (position) => {
        const original = await png(640, 480);
        const marked = await processor.withVisibleMark(original, { text: "AI 생성 · AI-generated", position });
        const meta = await sharp(marked).metadata();
        expect([meta.format, meta.width, meta.height]).toEqual(["png", 640, 480]);
        const changed = await changedQuarters(original, marked, 640, 480);
        expect(changed[position]).toBeGreaterThan(500);
        for (const [quarter, count] of Object.entries(changed)) if (quarter !== position) expect(count).toBe(0);
      },
    );

    it("fits the visible mark into an image narrower than the mark", async () => {
      const marked = await processor.withVisibleMark(await png(120, 40), {
        text: "AI 생성 · AI-generated",
        position: "bottom-left",
      });
      const meta = await sharp(marked).metadata();
      expect([meta.width, meta.height]).toEqual([120, 40]);
    });

    it("rejects bytes that are not an image with UnreadableImageError", async () => {
      for (const bytes of [Buffer.from("not an image at all"), Buffer.alloc(0)]) {
        await expect(processor.inspect(bytes)).rejects.toBeInstanceOf(UnreadableImageError);
        await expect(processor.thumbnails(bytes, { xmp: XMP })).rejects.toBeInstanceOf(UnreadableImageError);
        await expect(processor.withVisibleMark(bytes, { text: "AI", position: "top-left" })).rejects.toBeInstanceOf(
          UnreadableImageError,
        );
      }
    });
  });
}
