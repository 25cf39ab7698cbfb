import type { PageQuery } from "../pagination/cursor";
import { newestFirstPage } from "../pagination/newest-first-page";
import type { Services } from "../services";
import { POINT_ACCOUNTS, POINT_ENTRIES, type EntryKind } from "./ledger";

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
export async function listPointEntries(options: {
  services: Services;
  uid: string;
  page: PageQuery;
}): Promise<{ balance: number; entries: PointEntryView[]; nextCursor: string | null }> {
  const { db } = options.services;
  const [account, { docs, nextCursor }] = await Promise.all([
    db.get(POINT_ACCOUNTS, options.uid),
    newestFirstPage({
      db,
      query: { collection: POINT_ENTRIES, where: [{ field: "uid", op: "==", value: options.uid }] },
      page: options.page,
    }),
  ]);
  const entries = docs.map(({ id, data }) => ({
    id,
    kind: data.kind,
    amount: data.amount,
    balanceAfter: data.balanceAfter,
    reason: data.reason,
    generationId: data.reservationId,
    orderId: data.orderId,
    createdAt: data.createdAt,
  }));
  return { balance: account?.data.balance ?? 0, entries, nextCursor };
}
