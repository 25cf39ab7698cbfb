import type { Database, Transaction } from "../db/database";
import { POINT_ACCOUNTS, POINT_ENTRIES } from "./ledger";

export interface LedgerProblem {
  uid: string;
  problem: string;
}

const PAGE = 500;

async function sumEntries(reader: Pick<Transaction, "query">, uid: string): Promise<{ sum: number; count: number }> {
  let sum = 0;
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
      count++;
    }
    const last = page[page.length - 1];
    if (page.length < PAGE || !last) return { sum, count };
    after = { values: [last.data.createdAt], id: last.id };
  }
}

/**
 * Proves the ledger: for every account, the stored balance equals the sum of its
 * entries, the entry count matches, and no balance is negative.
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
      const { data, sum, count } = await options.db.runTransaction(async (tx) => {
        const account = await tx.get(POINT_ACCOUNTS, id);
        return { data: account!.data, ...(await sumEntries(tx, id)) };
      });
      if (data.balance !== sum)
        problems.push({ uid: id, problem: `balance ${data.balance} but entries sum to ${sum}` });
      if (data.entryCount !== count)
        problems.push({ uid: id, problem: `entryCount ${data.entryCount} but ${count} entries` });
      if (data.balance < 0) problems.push({ uid: id, problem: `negative balance ${data.balance}` });
    }
    const last = page[page.length - 1];
    if (page.length < PAGE || !last) break;
    after = { values: [], id: last.id };
  }
  return { accounts, problems };
}
