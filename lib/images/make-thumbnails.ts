import { errorFields, logger } from "../observability/logger";
import { imageProvenance } from "../provenance/image-provenance";
import { xmpPacket } from "../provenance/xmp-packet";
import type { Services } from "../services";
import { IMAGES, thumbnailKey, type ThumbnailFile } from "./image-record";

export interface MakeThumbnailsOptions {
  services: Services;
  imageId: string;
  /** The original's key, as recorded: thumbnails are made from it and stored beside it. */
  fileKey: string;
}

/**
 * Makes a recorded image's thumbnails, stores them and records them on the image.
 * Runs after the image is recorded, off the job's critical path: until it is done the
 * views show the original. Each carries the image's XMP provenance (not its C2PA
 * manifest: ARCHITECTURE.md, "AI provenance", says why). If the image was deleted
 * meanwhile (or its record now names another attempt's file), what was stored is
 * deleted again; a file this leaves behind when its process dies is found from the
 * image's key and deleted with it.
 * Never throws: an image without thumbnails is still shown, so a failure is logged.
 */
export async function makeThumbnails(options: MakeThumbnailsOptions): Promise<void> {
  const { services, imageId, fileKey } = options;
  const { db, blobs, imageProcessor } = services;
  try {
    const image = await db.get(IMAGES, imageId);
    if (!image || image.data.fileKey !== fileKey) return;
    const original = await blobs.get(fileKey);
    if (!original) return;
    const made = await imageProcessor.thumbnails(original.bytes, { xmp: xmpPacket(imageProvenance(image.data)) });
    const files: ThumbnailFile[] = made.map(({ side, width, height }) => ({
      key: thumbnailKey(fileKey, side),
      width,
      height,
    }));
    await Promise.all(made.map((thumbnail, i) => blobs.put(files[i]!.key, thumbnail.bytes, "image/webp")));
    const recorded = await db.runTransaction(async (tx) => {
      const doc = await tx.get(IMAGES, imageId);
      if (!doc || doc.data.fileKey !== fileKey) return false;
      tx.update(IMAGES, imageId, { thumbnails: files });
      return true;
    });
    if (!recorded) await Promise.all(files.map(({ key }) => blobs.delete(key)));
  } catch (error) {
    logger.warn("image.thumbnails_failed", { imageId, ...errorFields(error) });
  }
}
