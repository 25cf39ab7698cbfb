/** A generated image: its record in the database and its two files in blob storage. */
import type { ImageFormat } from "../pricing/price-table";

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
  thumbnailKey: string;
  bytes: number;
  createdAt: string;
  expiresAt: string;
}

/** Image ids follow from the job, so a retried job writes the same image again rather than a second one. */
export function imageId(generationId: string, index: number): string {
  return `${generationId}-${index}`;
}

/**
 * Where an attempt stores an image's files. Each attempt at a job writes keys of its
 * own, so a worker that lost its lease can remove what it wrote without touching the
 * files of the worker that took over.
 */
export function imageKeys(
  uid: string,
  generationId: string,
  id: string,
  attempt: number,
): { fileKey: string; thumbnailKey: string } {
  const base = `images/${uid}/${generationId}/${id}.a${attempt}`;
  return { fileKey: `${base}.png`, thumbnailKey: `${base}.webp` };
}

/** API paths through which the owner (and only the owner) gets the bytes. */
export function imageUrls(id: string): { url: string; thumbnailUrl: string } {
  return { url: `/api/images/${id}/file`, thumbnailUrl: `/api/images/${id}/thumbnail` };
}
