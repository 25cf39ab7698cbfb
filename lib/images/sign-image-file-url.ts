import { AppError } from "../errors/app-error";
import type { Services } from "../services";
import type { SignedReadUrl } from "../storage/blob-storage";
import { IMAGES } from "./image-record";

/** An image's original, or one of its thumbnails by width (the smallest when none is named). */
export type ImageFileVariant = "original" | { thumbnailWidth: number | null };

export interface SignImageFileUrlOptions {
  services: Services;
  uid: string;
  imageId: string;
  variant: ImageFileVariant;
  /** Saved as a file rather than shown. */
  download: boolean;
}

/**
 * A short-lived URL of a member's own image (original PNG or WebP thumbnail). The
 * ownership check is here; the URL itself is a bearer of access until it expires, or
 * until the image is deleted.
 */
export async function signImageFileUrl(options: SignImageFileUrlOptions): Promise<SignedReadUrl> {
  const doc = await options.services.db.get(IMAGES, options.imageId);
  if (!doc || doc.data.uid !== options.uid) throw new AppError("NOT_FOUND", "image.notFound");
  const { variant } = options;
  // Records stored before thumbnails came in sizes have no list (their views use the original).
  const thumbnails = [...(doc.data.thumbnails ?? [])].sort((a, b) => a.width - b.width);
  const key =
    variant === "original"
      ? doc.data.fileKey
      : variant.thumbnailWidth === null
        ? thumbnails[0]?.key
        : thumbnails.find((thumbnail) => thumbnail.width === variant.thumbnailWidth)?.key;
  if (!key) throw new AppError("NOT_FOUND", "image.fileGone");
  return options.services.blobs.signedReadUrl(key, {
    type: options.download ? "attachment" : "inline",
    fileName: `${options.imageId}.${variant === "original" ? "png" : "webp"}`,
  });
}
