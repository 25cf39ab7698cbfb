/** A generated image: its record in the database and its files in blob storage (the original and its thumbnails). */
import type { ImageFormat } from "../pricing/price-table";
import { THUMBNAIL_SIDES, type ThumbnailSide } from "./image-processor";

import { IMAGES } from "../privacy/data-inventory";

export { IMAGES };
export const IMAGE_RETENTION_DAYS = 90;

export interface ImageRecord {
  uid: string;
  generationId: string;
  index: number;
  prompt: string;
  model: string;
  size: ImageFormat;
  fileKey: string;
  /** Made after the image is recorded, so empty for a moment (or for good, if that worker died): views then show the original. */
  thumbnails: ThumbnailFile[];
  bytes: number;
  createdAt: string;
  expiresAt: string;
}

// A type, not an interface: stored records must be plain JSON, which an interface cannot promise.
export type ThumbnailFile = {
  key: string;
  width: number;
  height: number;
};

/** Image ids follow from the job, so a retried job writes the same image again rather than a second one. */
export function imageId(generationId: string, index: number): string {
  return `${generationId}-${index}`;
}

/**
 * Where an attempt stores an image's original. Each attempt at a job writes keys of
 * its own, so a worker that lost its lease can remove what it wrote without touching
 * the files of the worker that took over.
 */
export function imageKeys(uid: string, generationId: string, id: string, attempt: number): { fileKey: string } {
  return { fileKey: `images/${uid}/${generationId}/${id}.a${attempt}.png` };
}

/** A thumbnail's key follows from its image's, so every file of an image can be found from the original's key. */
export function thumbnailKey(fileKey: string, side: ThumbnailSide): string {
  return `${fileKey.replace(/\.[^./]+$/, "")}.s${side}.webp`;
}

/**
 * Every key an image's files may have: the original and a thumbnail of each size,
 * whether recorded yet or not (one being made when the image is deleted), so deleting
 * them all leaves nothing behind.
 */
export function imageFileKeys(fileKey: string): string[] {
  return [fileKey, ...THUMBNAIL_SIDES.map((side) => thumbnailKey(fileKey, side))];
}

export interface ImageUrls {
  url: string;
  /** The smallest thumbnail, or the original while there is none. */
  thumbnailUrl: string;
  /** Each thumbnail with its size in pixels, smallest first, for a srcset; empty while there is none. */
  thumbnails: { url: string; width: number; height: number }[];
}

/** The addresses through which the owner (and only the owner) gets an image's bytes: the one place they are made. */
export function imageUrls(id: string, record: Pick<ImageRecord, "thumbnails">): ImageUrls {
  const url = `/api/images/${id}/file`;
  // Records stored before thumbnails came in sizes have no list: they show the original.
  const thumbnails = [...(record.thumbnails ?? [])]
    .sort((a, b) => a.width - b.width)
    .map(({ width, height }) => ({ url: `/api/images/${id}/thumbnail?w=${width}`, width, height }));
  return { url, thumbnailUrl: thumbnails[0]?.url ?? url, thumbnails };
}
