import type { PageQuery } from "../pagination/cursor";
import { newestFirstPage } from "../pagination/newest-first-page";
import { imageProvenance } from "../provenance/image-provenance";
import type { Services } from "../services";
import { IMAGES, imageUrls, type ImageUrls } from "./image-record";

export interface ImageListItem extends ImageUrls {
  id: string;
  generationId: string;
  prompt: string;
  model: string;
  /** The model as members know it: every view of an image says it was made by AI, and with which model. */
  modelName: string;
  size: string;
  createdAt: string;
  expiresAt: string;
}

/** How many images the gallery shows at first and adds each time: a few screens on a phone, two rows and more on a desktop. */
export const GALLERY_PAGE_SIZE = 24;

/** The member's gallery, newest first. */
export async function listImages(options: {
  services: Services;
  uid: string;
  page: PageQuery;
}): Promise<{ items: ImageListItem[]; nextCursor: string | null }> {
  const { docs, nextCursor } = await newestFirstPage({
    db: options.services.db,
    query: { collection: IMAGES, where: [{ field: "uid", op: "==", value: options.uid }] },
    page: options.page,
  });
  const items = docs.map(({ id, data }) => ({
    id,
    generationId: data.generationId,
    prompt: data.prompt,
    model: data.model,
    modelName: imageProvenance(data).modelName,
    size: data.size,
    createdAt: data.createdAt,
    expiresAt: data.expiresAt,
    ...imageUrls(id, data),
  }));
  return { items, nextCursor };
}
