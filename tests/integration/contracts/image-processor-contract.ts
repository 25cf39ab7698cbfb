/**
 * The contract of the ImageProcessor port (lib/images/image-processor.ts), run against
 * every adapter: WebP thumbnails that fit the bound with the aspect ratio kept, and
 * UnreadableImageError for bytes that are not an image.
 */
import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";
import { THUMBNAIL_MAX_SIDE, UnreadableImageError, type ImageProcessor } from "../../../lib/images/image-processor";

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

    it.each([
      [1024, 1024, THUMBNAIL_MAX_SIDE, THUMBNAIL_MAX_SIDE],
      [1024, 512, THUMBNAIL_MAX_SIDE, THUMBNAIL_MAX_SIDE / 2],
      [512, 1024, THUMBNAIL_MAX_SIDE / 2, THUMBNAIL_MAX_SIDE],
      [100, 50, 100, 50],
    ])("makes a WebP thumbnail of a %ix%i PNG at %ix%i", async (width, height, thumbWidth, thumbHeight) => {
      const meta = await sharp(await processor.thumbnail(await png(width, height))).metadata();
      expect([meta.format, meta.width, meta.height]).toEqual(["webp", thumbWidth, thumbHeight]);
    });

    it("rejects bytes that are not an image with UnreadableImageError", async () => {
      await expect(processor.thumbnail(Buffer.from("not an image at all"))).rejects.toBeInstanceOf(
        UnreadableImageError,
      );
      await expect(processor.thumbnail(Buffer.alloc(0))).rejects.toBeInstanceOf(UnreadableImageError);
    });
  });
}
