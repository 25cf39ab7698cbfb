import type { FieldOf, StoredRecord } from "../db/collection";
import type { Database, Doc, Query, SortDirection } from "../db/database";
import { decodeCursor, encodeCursor, pageQuery, type PageQuery } from "./cursor";

/** A field whose value is a string (a timestamp): what a page cursor carries. */
type StringField<T> = { [K in FieldOf<T>]: T[K] extends string ? K : never }[FieldOf<T>];

export interface OrderedPageOptions<T extends StoredRecord<T>> {
  db: Database;
  /** Which documents: the collection and its filter. */
  query: Pick<Query<T>, "collection" | "where">;
  orderBy: { field: StringField<T>; direction: SortDirection };
  page: PageQuery;
}

/**
 * One page of documents in the order of one string field (ties broken by id), with the
 * opaque cursor of the next page (null on the last one). Reads one document more than
 * the page to know whether another page follows.
 */
export async function orderedPage<T extends StoredRecord<T>>(
  options: OrderedPageOptions<T>,
): Promise<{ docs: Doc<T>[]; nextCursor: string | null }> {
  const page = pageQuery.parse(options.page);
  const after = page.cursor ? decodeCursor(page.cursor) : undefined;
  const { field, direction } = options.orderBy;
  const docs = await options.db.query<T>({
    ...options.query,
    orderBy: [{ field, direction }],
    limit: page.limit + 1,
    ...(after ? { startAfter: { values: [after.value], id: after.id } } : {}),
  });
  const shown = docs.slice(0, page.limit);
  const last = shown[shown.length - 1];
  // A StringField holds a string; the compiler cannot follow that through the generic.
  const lastValue = last?.data[field] as string | undefined;
  return {
    docs: shown,
    nextCursor: docs.length > page.limit && last && lastValue !== undefined ? encodeCursor(lastValue, last.id) : null,
  };
}
