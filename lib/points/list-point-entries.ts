import { decodeCursor, encodeCursor, pageQuery, type PageQuery } from "../pagination/cursor";
import type { Services } from "../services";
import { POINT_ACCOUNTS, POINT_ENTRIES, type EntryKind, type PointAccount, type PointEntry } from "./ledger";

export interface PointEntryView {
  id: string;
  kind: EntryKind;
  amount: number;
  balanceAfter: number;
  reason: string;
  generationId: string | null;
  orderId: string | null;
  createdAt: string;
}

/** The member's balance and every points movement, newest first. */
export async function listPointEntries(options: { services: Services; uid: string; page: PageQuery }): Promise<{ balance: number; entries: PointEntryView[]; nextCursor: string | null }> {
  const { db } = options.services;
  const page = pageQuery.parse(options.page);
  const after = page.cursor ? decodeCursor(page.cursor) : undefined;
  const [account, docs] = await Promise.all([
    db.get<PointAccount>(POINT_ACCOUNTS, options.uid),
    db.query<PointEntry>({
      collection: POINT_ENTRIES,
      where: [{ field: "uid", op: "==", value: options.uid }],
      orderBy: [{ field: "createdAt", direction: "desc" }],
      limit: page.limit + 1,
      ...(after ? { startAfter: { values: [after.value], id: after.id } } : {}),
    }),
  ]);
  const entries = docs.slice(0, page.limit).map(({ id, data }) => ({
    id,
    kind: data.kind,
    amount: data.amount,
    balanceAfter: data.balanceAfter,
    reason: data.reason,
    generationId: data.reservationId,
    orderId: data.orderId,
    createdAt: data.createdAt,
  }));
  const last = entries[entries.length - 1];
  return {
    balance: account?.data.balance ?? 0,
    entries,
    nextCursor: docs.length > page.limit && last ? encodeCursor(last.createdAt, last.id) : null,
  };
}
