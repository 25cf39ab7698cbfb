import { decodeCursor, encodeCursor, pageQuery, type PageQuery } from "../pagination/cursor";
import type { Services } from "../services";
import { IMAGES, imageUrls, type ImageRecord } from "./image-record";

export interface ImageListItem {
  id: string;
  generationId: string;
  prompt: string;
  model: string;
  size: string;
  createdAt: string;
  expiresAt: string;
  url: string;
  thumbnailUrl: string;
}

/** The member's gallery, newest first. */
export async function listImages(options: { services: Services; uid: string; page: PageQuery }): Promise<{ items: ImageListItem[]; nextCursor: string | null }> {
  const page = pageQuery.parse(options.page);
  const after = page.cursor ? decodeCursor(page.cursor) : undefined;
  const docs = await options.services.db.query<ImageRecord>({
    collection: IMAGES,
    where: [{ field: "uid", op: "==", value: options.uid }],
    orderBy: [{ field: "createdAt", direction: "desc" }],
    limit: page.limit + 1,
    ...(after ? { startAfter: { values: [after.value], id: after.id } } : {}),
  });
  const items = docs.slice(0, page.limit).map(({ id, data }) => ({
    id,
    generationId: data.generationId,
    prompt: data.prompt,
    model: data.model,
    size: data.size,
    createdAt: data.createdAt,
    expiresAt: data.expiresAt,
    ...imageUrls(id),
  }));
  const last = items[items.length - 1];
  return { items, nextCursor: docs.length > page.limit && last ? encodeCursor(last.createdAt, last.id) : null };
}
