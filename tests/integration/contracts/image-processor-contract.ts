/**
 * The contract of the ImageProcessor port (lib/images/image-processor.ts), run against
 * every adapter: the size of an image from its header; WebP thumbnails whose shorter
 * side is each of THUMBNAIL_SIDES, aspect ratio kept, never enlarged and never the
 * same size twice; and UnreadableImageError for bytes that are not an image.
 */
import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";
import { UnreadableImageError, type ImageProcessor } from "../../../lib/images/image-processor";

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
      const thumbnails = await processor.thumbnails(await png(width, height));
      expect(thumbnails.map((t) => [t.side, t.width, t.height])).toEqual(expected);
      for (const thumbnail of thumbnails) {
        const meta = await sharp(thumbnail.bytes).metadata();
        expect([meta.format, meta.width, meta.height]).toEqual(["webp", thumbnail.width, thumbnail.height]);
      }
    });

    it("rejects bytes that are not an image with UnreadableImageError", async () => {
      for (const bytes of [Buffer.from("not an image at all"), Buffer.alloc(0)]) {
        await expect(processor.inspect(bytes)).rejects.toBeInstanceOf(UnreadableImageError);
        await expect(processor.thumbnails(bytes)).rejects.toBeInstanceOf(UnreadableImageError);
      }
    });
  });
}
