import { z } from "zod";
import type { Cursor, Database } from "../db/database";
import { STAFF_ACCESS_LOG, type StaffAccessEntry } from "./access-log";

export const exportAccessLogInput = z
  .object({
    from: z.iso.datetime({ offset: true }).or(z.iso.date()),
    to: z.iso.datetime({ offset: true }).or(z.iso.date()),
  })
  .transform(({ from, to }) => ({ from: new Date(from).toISOString(), to: new Date(to).toISOString() }))
  .refine(({ from, to }) => from < to, "from must be before to");

export interface ExportAccessLogOptions {
  db: Database;
  input: unknown;
}

const PAGE = 500;

/**
 * The entries made from `from` (inclusive) to `to` (exclusive), in chain order, each
 * with its previous hash and its own: anyone can check that the entries follow one
 * another and, given one hash from us, that none was left out; checking that an
 * entry's fields are as written needs STAFF_ACCESS_LOG_KEY, as `audit:verify` does.
 * Entries are in chain order by time too (access-log.ts keeps `at` from going back).
 */
export async function* exportAccessLog(options: ExportAccessLogOptions): AsyncGenerator<StaffAccessEntry> {
  const { from, to } = exportAccessLogInput.parse(options.input);
  let after: Cursor | undefined;
  for (;;) {
    const page = await options.db.query({
      collection: STAFF_ACCESS_LOG,
      where: [
        { field: "at", op: ">=", value: from },
        { field: "at", op: "<", value: to },
      ],
      orderBy: [{ field: "at", direction: "asc" }],
      limit: PAGE,
      ...(after ? { startAfter: after } : {}),
    });
    for (const { data } of page) yield data;
    const last = page[page.length - 1];
    if (page.length < PAGE || !last) return;
    after = { values: [last.data.at], id: last.id };
  }
}
