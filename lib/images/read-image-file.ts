import { AppError } from "../errors/app-error";
import type { Services } from "../services";
import type { StoredBlob } from "../storage/blob-storage";
import { IMAGES } from "./image-record";

/** An image's original, or one of its thumbnails by width (the smallest when none is named). */
export type ImageFileVariant = "original" | { thumbnailWidth: number | null };

/** The bytes of a member's own image (original PNG or WebP thumbnail). */
export async function readImageFile(options: {
  services: Services;
  uid: string;
  imageId: string;
  variant: ImageFileVariant;
}): Promise<StoredBlob & { fileName: string }> {
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
  const blob = await options.services.blobs.get(key);
  if (!blob) throw new AppError("NOT_FOUND", "image.fileGone");
  return { ...blob, fileName: `${options.imageId}.${variant === "original" ? "png" : "webp"}` };
}
