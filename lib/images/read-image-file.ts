import { AppError } from "../errors/app-error";
import type { Services } from "../services";
import type { StoredBlob } from "../storage/blob-storage";
import { IMAGES } from "./image-record";

/** The bytes of a member's own image (original PNG or WebP thumbnail). */
export async function readImageFile(options: {
  services: Services;
  uid: string;
  imageId: string;
  variant: "original" | "thumbnail";
}): Promise<StoredBlob & { fileName: string }> {
  const doc = await options.services.db.get(IMAGES, options.imageId);
  if (!doc || doc.data.uid !== options.uid) throw new AppError("NOT_FOUND", "image.notFound");
  const key = options.variant === "original" ? doc.data.fileKey : doc.data.thumbnailKey;
  const blob = await options.services.blobs.get(key);
  if (!blob) throw new AppError("NOT_FOUND", "image.fileGone");
  return { ...blob, fileName: `${options.imageId}.${options.variant === "original" ? "png" : "webp"}` };
}
