import type { StoredRecord } from "../db/collection";
import type { Database, Doc, Query } from "../db/database";
import { decodeCursor, encodeCursor, pageQuery, type PageQuery } from "./cursor";

/**
 * One page of a member's documents, newest first by `createdAt`, with the opaque
 * cursor of the next page (null on the last one). Reads one document more than the
 * page to know whether another page follows.
 */
export interface NewestFirstPageOptions<T extends StoredRecord<T>> {
  db: Database;
  /** Which documents: the collection and the filter that picks the member's own. */
  query: Pick<Query<T>, "collection" | "where">;
  page: PageQuery;
}

export async function newestFirstPage<T extends StoredRecord<T> & { createdAt: string }>(
  options: NewestFirstPageOptions<T>,
): Promise<{ docs: Doc<T>[]; nextCursor: string | null }> {
  const page = pageQuery.parse(options.page);
  const after = page.cursor ? decodeCursor(page.cursor) : undefined;
  const docs = await options.db.query<T>({
    ...options.query,
    orderBy: [{ field: "createdAt", direction: "desc" }],
    limit: page.limit + 1,
    ...(after ? { startAfter: { values: [after.value], id: after.id } } : {}),
  });
  const shown = docs.slice(0, page.limit);
  const last = shown[shown.length - 1];
  return {
    docs: shown,
    nextCursor: docs.length > page.limit && last ? encodeCursor(last.data.createdAt, last.id) : null,
  };
}
