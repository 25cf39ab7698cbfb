/**
 * The image processing port: what the product does to image bytes it holds (checks,
 * thumbnails and the visible AI mark). Decoding libraries stay behind it, so use cases never load one and
 * another implementation (a service, a different library) can replace it.
 */

/**
 * The thumbnail sizes, by their shorter side in pixels: the views crop thumbnails to
 * squares, so the shorter side is what fills a square. 320 for a small grid cell on a
 * 1x screen, 960 for a full-width cell on a 3x phone; the browser picks from them
 * (srcset) by the cell it draws.
 */
export const THUMBNAIL_SIDES = [320, 640, 960] as const;
export type ThumbnailSide = (typeof THUMBNAIL_SIDES)[number];

export interface Thumbnail {
  side: ThumbnailSide;
  width: number;
  height: number;
  /** WebP. */
  bytes: Buffer;
}

/** Where the visible mark sits on an exported image. */
export type MarkPosition = "bottom-right" | "bottom-left" | "top-right" | "top-left";

export interface VisibleMark {
  /** One line, in any script (the font covers Hangul). */
  text: string;
  position: MarkPosition;
}

/** The bytes are not an image the processor can decode. */
export class UnreadableImageError extends Error {
  constructor(message = "The bytes are not a readable image.") {
    super(message);
    this.name = "UnreadableImageError";
  }
}

export interface ImageProcessor {
  /**
   * The image's size, read from its header without decoding it all (cheap enough to
   * run before an image is accepted). Rejects with UnreadableImageError when the bytes
   * are not an image.
   */
  inspect(image: Buffer): Promise<{ width: number; height: number }>;
  /**
   * WebP thumbnails, one per THUMBNAIL_SIDES entry whose shorter side is that many
   * pixels, aspect ratio kept, never enlarged: a size the image is too small for is
   * the image's own size, given once (under the first side it stands for). Each
   * carries `xmp` as its XMP packet. Rejects with UnreadableImageError when the bytes
   * are not an image.
   */
  thumbnails(image: Buffer, options: { xmp: string }): Promise<Thumbnail[]>;
  /**
   * The image as a PNG of the same size with `mark` drawn in a corner, scaled to the
   * image, on a dark band so it reads on any picture. No metadata is kept: the caller
   * writes the provenance again. Rejects with UnreadableImageError when the bytes are
   * not an image.
   */
  withVisibleMark(image: Buffer, mark: VisibleMark): Promise<Buffer>;
}
