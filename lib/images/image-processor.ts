/**
 * The image processing port: what the product does to image bytes it holds (today,
 * thumbnails). Decoding libraries stay behind it, so use cases never load one and
 * another implementation (a service, a different library) can replace it.
 */
export const THUMBNAIL_MAX_SIDE = 320;

/** The bytes are not an image the processor can decode. */
export class UnreadableImageError extends Error {
  constructor(message = "The bytes are not a readable image.") {
    super(message);
    this.name = "UnreadableImageError";
  }
}

export interface ImageProcessor {
  /**
   * A WebP thumbnail that fits in THUMBNAIL_MAX_SIDE on both sides, aspect ratio
   * kept, never enlarged. Rejects with UnreadableImageError when the bytes are not
   * an image.
   */
  thumbnail(image: Buffer): Promise<Buffer>;
}
