/**
 * Proves the points ledger: for every account, the stored balance equals the sum of
 * its entries and is not negative. Exits 1 when anything is off.
 *
 *   npm run ledger:check
 */
import { loadEnvFile } from "../lib/config/env";
import { verifyLedger } from "../lib/points/verify-ledger";
import { getServices } from "../lib/services";

loadEnvFile();
const services = getServices();
const { accounts, problems } = await verifyLedger({ db: services.db });
await services.db.close();
for (const problem of problems) process.stdout.write(`PROBLEM ${problem.uid}: ${problem.problem}\n`);
process.stdout.write(`${accounts} account(s) checked, ${problems.length} problem(s).\n`);
process.exit(problems.length === 0 ? 0 : 1);
