/** Image processing in-process with sharp (libvips). */
import { join } from "node:path";
import sharp from "sharp";
import {
  THUMBNAIL_SIDES,
  UnreadableImageError,
  type ImageProcessor,
  type MarkPosition,
  type Thumbnail,
  type VisibleMark,
} from "./image-processor";

/**
 * The mark's font: Pretendard, the UI's, from its npm package, so Hangul renders on
 * any server whatever fonts it has (paths are from the app's folder, as DATA_DIR's).
 */
const MARK_FONT_FILE = join("node_modules", "pretendard", "dist", "public", "static", "Pretendard-SemiBold.otf");

const GRAVITY: Record<MarkPosition, string> = {
  "bottom-right": "southeast",
  "bottom-left": "southwest",
  "top-right": "northeast",
  "top-left": "northwest",
};

function escapeMarkup(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** sharp's errors name libvips internals; callers only need to know the bytes are no image. */
async function readable<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw new UnreadableImageError(error instanceof Error ? error.message : undefined);
  }
}

export class SharpImageProcessor implements ImageProcessor {
  async inspect(image: Buffer): Promise<{ width: number; height: number }> {
    const { width, height } = await readable(() => sharp(image).metadata());
    if (!(width > 0 && height > 0)) throw new UnreadableImageError("The image has no size.");
    return { width, height };
  }

  async thumbnails(image: Buffer, options: { xmp: string }): Promise<Thumbnail[]> {
    const { width, height } = await this.inspect(image);
    const shorter = Math.min(width, height);
    const input = sharp(image);
    const made: Thumbnail[] = [];
    // One after another: they are made off the job's critical path, and in parallel
    // they would crowd out the other jobs' work for the same few cores.
    for (const side of THUMBNAIL_SIDES) {
      const { data, info } = await readable(() =>
        input
          .clone()
          .resize(side, side, { fit: "outside", withoutEnlargement: true })
          .withXmp(options.xmp)
          // Effort 2 of 6: about 40% less CPU than the default 4 for files about 5% larger.
          .webp({ quality: 80, effort: 2 })
          .toBuffer({ resolveWithObject: true }),
      );
      made.push({ side, width: info.width, height: info.height, bytes: data });
      // This one is the image's own size: larger sides would be the same again.
      if (side >= shorter) break;
    }
    return made;
  }

  async withVisibleMark(image: Buffer, mark: VisibleMark): Promise<Buffer> {
    const { width, height } = await this.inspect(image);
    // About 2.2% of the shorter side high, and never under 11 px: legible, yet small.
    const textHeight = Math.max(11, Math.round(Math.min(width, height) * 0.022));
    const padding = Math.round(textHeight * 0.5);
    const text = await sharp({
      text: {
        text: `<span foreground="white">${escapeMarkup(mark.text)}</span>`,
        font: `Pretendard SemiBold ${textHeight}`,
        fontfile: MARK_FONT_FILE,
        // Pango sizes text in points: at 72 dpi a point is a pixel.
        dpi: 72,
        rgba: true,
      },
    })
      .png()
      .toBuffer({ resolveWithObject: true });
    const band = await sharp({
      create: {
        width: text.info.width + 2 * padding,
        height: text.info.height + 2 * padding,
        channels: 4,
        background: { r: 0, g: 0, b: 0, alpha: 0.6 },
      },
    })
      .composite([{ input: text.data, top: padding, left: padding }])
      .png()
      .toBuffer();
    // sharp composites last and resizes first in a pipeline, so the margin and the fit
    // come in pipelines of their own. A band wider than the image (a very narrow one)
    // shrinks to fit it.
    const withMargin = await sharp(band)
      .extend({ top: padding, bottom: padding, left: padding, right: padding, background: "#0000" })
      .png()
      .toBuffer();
    const overlay = await sharp(withMargin)
      .resize({ width, height, fit: "inside", withoutEnlargement: true })
      .png()
      .toBuffer();
    return readable(() =>
      sharp(image)
        .composite([{ input: overlay, gravity: GRAVITY[mark.position] }])
        .png()
        .toBuffer(),
    );
  }
}
