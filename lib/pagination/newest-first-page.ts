import type { Database, Doc, DocumentData } from "../db/database";
import { decodeCursor, encodeCursor, pageQuery, type PageQuery } from "./cursor";

/**
 * One page of a member's documents, newest first by `createdAt`, with the opaque
 * cursor of the next page (null on the last one). Reads one document more than the
 * page to know whether another page follows.
 */
export async function newestFirstPage<T extends DocumentData & { createdAt: string }>(options: {
  db: Database;
  collection: string;
  uid: string;
  page: PageQuery;
}): Promise<{ docs: Doc<T>[]; nextCursor: string | null }> {
  const page = pageQuery.parse(options.page);
  const after = page.cursor ? decodeCursor(page.cursor) : undefined;
  const docs = await options.db.query<T>({
    collection: options.collection,
    where: [{ field: "uid", op: "==", value: options.uid }],
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
