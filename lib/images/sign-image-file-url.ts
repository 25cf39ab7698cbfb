import { AppError } from "../errors/app-error";
import type { Services } from "../services";
import type { SignedReadUrl } from "../storage/blob-storage";
import { IMAGES } from "./image-record";

export interface SignImageFileUrlOptions {
  services: Services;
  uid: string;
  imageId: string;
  variant: "original" | "thumbnail";
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
  const original = options.variant === "original";
  return options.services.blobs.signedReadUrl(original ? doc.data.fileKey : doc.data.thumbnailKey, {
    type: options.download ? "attachment" : "inline",
    fileName: `${options.imageId}.${original ? "png" : "webp"}`,
  });
}
