/**
 * Compares our orders of a period with the payment providers' records and prints every
 * mismatch (ids, amounts and statuses only), then a summary line per provider. Exits 1
 * when anything differs.
 *
 *   npm run payments:reconcile -- --from 2026-03-01 --to 2026-03-02 [--provider toss|stripe|sandbox]
 *
 * Dates are ISO 8601 (a bare date is midnight UTC); `--to` is excluded. Exit codes: 0 all
 * agree, 1 mismatches, 2 bad arguments or a provider that could not be asked.
 */
import { parseArgs } from "node:util";
import { loadEnvFile } from "../lib/config/env";
import { AppError } from "../lib/errors/app-error";
import type { PaymentProviderId } from "../lib/payments/payment-provider";
import { reconcilePayments, type PaymentSide } from "../lib/payments/reconcile-payments";
import { getServices } from "../lib/services";

const PROVIDERS: readonly PaymentProviderId[] = ["sandbox", "toss", "stripe"];

function fail(message: string): never {
  process.stderr.write(
    `${message}\nUsage: npm run payments:reconcile -- --from <date> --to <date> [--provider toss|stripe|sandbox]\n`,
  );
  process.exit(2);
}

function date(text: string | undefined, name: string): Date {
  const parsed = text ? new Date(text) : null;
  if (!parsed || Number.isNaN(parsed.getTime())) fail(`--${name} must be a date, e.g. 2026-03-01.`);
  return parsed;
}

function side(label: string, payment: PaymentSide | null): string {
  if (!payment) return `${label}=none`;
  return `${label}=${payment.status} ${payment.amount} ${payment.currency} refunded ${payment.refundedAmount}`;
}

const { values } = parseArgs({
  options: { from: { type: "string" }, to: { type: "string" }, provider: { type: "string" } },
});
const period = { from: date(values.from, "from"), to: date(values.to, "to") };
if (period.from >= period.to) fail("--from must be before --to.");
const provider = values.provider as PaymentProviderId | undefined;
if (provider !== undefined && !PROVIDERS.includes(provider)) fail(`--provider must be one of ${PROVIDERS.join(", ")}.`);

loadEnvFile();
const services = getServices();
let exitCode = 0;
try {
  const results = await reconcilePayments({ services, period, provider });
  for (const result of results)
    for (const mismatch of result.mismatches)
      process.stdout.write(
        `MISMATCH ${result.provider} ${mismatch.kind} order=${mismatch.orderId} payment=${mismatch.providerPaymentId ?? "-"} ${side("ours", mismatch.ours)} ${side("theirs", mismatch.theirs)}\n`,
      );
  for (const result of results)
    process.stdout.write(
      `${result.provider}: ${result.orders} order(s), ${result.providerPayments} provider payment(s), ${result.mismatches.length} mismatch(es).\n`,
    );
  exitCode = results.some((result) => result.mismatches.length > 0) ? 1 : 0;
} catch (error) {
  // A provider that cannot be asked: its code and ids, and an exit code apart from mismatches.
  const detail = error instanceof AppError ? `${error.code} ${error.diagnostic ?? ""}` : (error as Error).name;
  process.stderr.write(`Could not reconcile: ${detail}\n`);
  exitCode = 2;
} finally {
  await services.db.close();
}
process.exit(exitCode);
