/** Image processing in-process with sharp (libvips). */
import sharp from "sharp";
import { THUMBNAIL_MAX_SIDE, UnreadableImageError, type ImageProcessor } from "./image-processor";

export class SharpImageProcessor implements ImageProcessor {
  async thumbnail(image: Buffer): Promise<Buffer> {
    try {
      return await sharp(image)
        .resize(THUMBNAIL_MAX_SIDE, THUMBNAIL_MAX_SIDE, { fit: "inside", withoutEnlargement: true })
        .webp({ quality: 80 })
        .toBuffer();
    } catch (error) {
      // sharp's errors name libvips internals; callers only need to know the bytes are no image.
      throw new UnreadableImageError(error instanceof Error ? error.message : undefined);
    }
  }
}
