import type { Database, Transaction } from "../db/database";
import { ORDERS, PAID_STATUSES } from "../orders/order";
import { lotSize } from "../refunds/points-lots";
import { POINT_ACCOUNTS, POINT_ENTRIES } from "./ledger";

export interface LedgerProblem {
  uid: string;
  problem: string;
}

const PAGE = 500;

interface EntryTotals {
  sum: number;
  freeSum: number;
  count: number;
}

async function sumEntries(reader: Pick<Transaction, "query">, uid: string): Promise<EntryTotals> {
  let sum = 0;
  let freeSum = 0;
  let count = 0;
  let after: { values: string[]; id: string } | undefined;
  for (;;) {
    const page = await reader.query({
      collection: POINT_ENTRIES,
      where: [{ field: "uid", op: "==", value: uid }],
      orderBy: [{ field: "createdAt", direction: "desc" }],
      limit: PAGE,
      ...(after ? { startAfter: after } : {}),
    });
    for (const entry of page) {
      sum += entry.data.amount;
      freeSum += entry.data.freeAmount;
      count++;
    }
    const last = page[page.length - 1];
    if (page.length < PAGE || !last) return { sum, freeSum, count };
    after = { values: [last.data.createdAt], id: last.id };
  }
}

/** The points of the member's purchases not refunded: what their paid points must stay within. */
async function sumLots(reader: Pick<Transaction, "query">, uid: string): Promise<number> {
  const paid = await reader.query({
    collection: ORDERS,
    where: [
      { field: "uid", op: "==", value: uid },
      { field: "status", op: "in", value: [...PAID_STATUSES] },
    ],
  });
  return paid.reduce((sum, order) => sum + lotSize(order.data), 0);
}

/**
 * Proves the ledger: for every account, the stored balance equals the sum of its
 * entries, the entry count matches, and no balance is negative; its free points equal
 * the free part of its entries and lie within the balance; and its paid points are
 * covered by purchases not refunded (no refunded point is left to spend).
 */
export async function verifyLedger(options: {
  db: Database;
}): Promise<{ accounts: number; problems: LedgerProblem[] }> {
  const problems: LedgerProblem[] = [];
  let accounts = 0;
  let after: { values: never[]; id: string } | undefined;
  for (;;) {
    const page = await options.db.query({
      collection: POINT_ACCOUNTS,
      limit: PAGE,
      ...(after ? { startAfter: after } : {}),
    });
    for (const { id } of page) {
      accounts++;
      // The balance and its entries from one snapshot, so a live system reads consistently.
      const { data, sum, freeSum, count, lots } = await options.db.runTransaction(async (tx) => {
        const account = await tx.get(POINT_ACCOUNTS, id);
        return { data: account!.data, ...(await sumEntries(tx, id)), lots: await sumLots(tx, id) };
      });
      if (data.balance !== sum)
        problems.push({ uid: id, problem: `balance ${data.balance} but entries sum to ${sum}` });
      if (data.entryCount !== count)
        problems.push({ uid: id, problem: `entryCount ${data.entryCount} but ${count} entries` });
      if (data.balance < 0) problems.push({ uid: id, problem: `negative balance ${data.balance}` });
      if (data.freeBalance !== freeSum)
        problems.push({ uid: id, problem: `freeBalance ${data.freeBalance} but free entries sum to ${freeSum}` });
      if (data.freeBalance < 0 || data.freeBalance > data.balance)
        problems.push({ uid: id, problem: `freeBalance ${data.freeBalance} outside the balance ${data.balance}` });
      if (data.balance - data.freeBalance > lots)
        problems.push({
          uid: id,
          problem: `${data.balance - data.freeBalance} paid points but purchases not refunded hold ${lots}`,
        });
    }
    const last = page[page.length - 1];
    if (page.length < PAGE || !last) break;
    after = { values: [], id: last.id };
  }
  return { accounts, problems };
}
