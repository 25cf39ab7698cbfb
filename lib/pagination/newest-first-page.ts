import type { StoredRecord } from "../db/collection";
import type { Database, Doc, Query } from "../db/database";
import type { PageQuery } from "./cursor";
import { orderedPage } from "./ordered-page";

/** One page of a member's documents, newest first by `createdAt` (ordered-page.ts). */
export interface NewestFirstPageOptions<T extends StoredRecord<T>> {
  db: Database;
  /** Which documents: the collection and the filter that picks the member's own. */
  query: Pick<Query<T>, "collection" | "where">;
  page: PageQuery;
}

export async function newestFirstPage<T extends StoredRecord<T> & { createdAt: string }>(
  options: NewestFirstPageOptions<T>,
): Promise<{ docs: Doc<T>[]; nextCursor: string | null }> {
  // Every T here has a string `createdAt`; the compiler cannot see it through the generic.
  const field = "createdAt" as Parameters<typeof orderedPage<T>>[0]["orderBy"]["field"];
  return orderedPage<T>({ ...options, orderBy: { field, direction: "desc" } });
}
