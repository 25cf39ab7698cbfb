import { errorFields, logger } from "../observability/logger";
import type { Services } from "../services";
import { runWithdrawal } from "./run-withdrawal";
import { WITHDRAWALS } from "./withdrawal";

/**
 * Finishes every withdrawal left running (a crash, an outage of Firebase or storage).
 * Runs with the other sweeps in the worker and as a scheduled function; one that fails
 * again waits for the next run without holding up the others.
 */
export async function resumeWithdrawals(options: {
  services: Services;
}): Promise<{ finished: number; failed: number }> {
  const { db } = options.services;
  const running = await db.query({
    collection: WITHDRAWALS,
    where: [{ field: "status", op: "==", value: "running" }],
    limit: 100,
  });
  let finished = 0;
  let failed = 0;
  for (const { id } of running) {
    try {
      await runWithdrawal({ services: options.services, withdrawalId: id });
      finished++;
    } catch (error) {
      failed++;
      logger.warn("withdrawal.resume_failed", { withdrawalId: id, ...errorFields(error) });
    }
  }
  return { finished, failed };
}
