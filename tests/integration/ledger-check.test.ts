/**
 * The ledger check proves balance = sum of entries for every account, and the
 * command that runs it fails loudly when that is not so.
 */
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { POINT_ACCOUNTS } from "../../lib/points/ledger";
import { verifyLedger } from "../../lib/points/verify-ledger";
import { getServices } from "../../lib/services";
import { buyPoints, createMember } from "../support/members";

const services = getServices();
const run = promisify(execFile);

async function checkCommand(): Promise<{ code: number; stdout: string }> {
  try {
    const { stdout } = await run(process.execPath, ["--import", "tsx", "scripts/check-ledger.ts"], {
      env: process.env,
    });
    return { code: 0, stdout };
  } catch (error) {
    const failed = error as { code: number; stdout: string };
    return { code: failed.code, stdout: failed.stdout };
  }
}

describe("npm run ledger:check", () => {
  it("passes on an honest ledger and names the account whose balance was tampered with", async () => {
    const honest = await createMember(services);
    const victim = await createMember(services);
    await buyPoints(services, honest.uid);
    await buyPoints(services, victim.uid, 2);

    expect(await verifyLedger({ db: services.db })).toEqual({ accounts: 2, problems: [] });
    const clean = await checkCommand();
    expect(clean.code).toBe(0);
    expect(clean.stdout).toContain("2 account(s) checked, 0 problem(s).");

    // A write that bypasses the ledger: the balance no longer matches the entries.
    await services.db.runTransaction(async (tx) => {
      const account = (await tx.get(POINT_ACCOUNTS, victim.uid))!.data;
      tx.set(POINT_ACCOUNTS, victim.uid, { ...account, balance: account.balance + 500 });
    });
    // ...and 500 paid points that no purchase paid for.
    expect((await verifyLedger({ db: services.db })).problems).toEqual([
      { uid: victim.uid, problem: "balance 2500 but entries sum to 2000" },
      { uid: victim.uid, problem: "2500 paid points but purchases not refunded hold 2000" },
    ]);
    const dirty = await checkCommand();
    expect(dirty.code).toBe(1);
    expect(dirty.stdout).toContain(`PROBLEM ${victim.uid}: balance 2500 but entries sum to 2000`);
  });
});
