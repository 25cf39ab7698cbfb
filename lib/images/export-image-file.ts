import { AppError } from "../errors/app-error";
import { imageProvenance, VISIBLE_MARK_TEXT } from "../provenance/image-provenance";
import { labelImageFile } from "../provenance/label-image-file";
import type { Services } from "../services";
import { IMAGES, type ImageRecord } from "./image-record";

export interface ExportImageFileOptions {
  services: Services;
  image: Pick<ImageRecord, "model" | "createdAt" | "fileKey">;
}

/**
 * An image's PNG as it leaves the service (download, ZIP, data export), or null when
 * its file is gone: the stored original with the visible AI mark when the deployer
 * keeps it on (AI_VISIBLE_MARK), and its provenance written again, since drawing the
 * mark changes the bytes the C2PA manifest binds. The original stays unmarked, so
 * turning the mark off or moving it applies to every image at once.
 */
export async function exportImageFile(options: ExportImageFileOptions): Promise<Buffer | null> {
  const { services, image } = options;
  const stored = await services.blobs.get(image.fileKey);
  if (!stored) return null;
  const { AI_VISIBLE_MARK, AI_VISIBLE_MARK_POSITION } = services.config;
  const png =
    AI_VISIBLE_MARK === "on"
      ? await services.imageProcessor.withVisibleMark(stored.bytes, {
          text: VISIBLE_MARK_TEXT,
          position: AI_VISIBLE_MARK_POSITION,
        })
      : stored.bytes;
  return labelImageFile({ services, png, provenance: imageProvenance(image) });
}

export interface DownloadImageFileOptions {
  services: Services;
  uid: string;
  imageId: string;
}

/** A member's own image as a file to save: the exported copy, never a link to the stored original. */
export async function downloadImageFile(
  options: DownloadImageFileOptions,
): Promise<{ bytes: Buffer; fileName: string }> {
  const doc = await options.services.db.get(IMAGES, options.imageId);
  if (!doc || doc.data.uid !== options.uid) throw new AppError("NOT_FOUND", "image.notFound");
  const bytes = await exportImageFile({ services: options.services, image: doc.data });
  if (!bytes) throw new AppError("NOT_FOUND", "image.fileGone");
  return { bytes, fileName: `${options.imageId}.png` };
}
