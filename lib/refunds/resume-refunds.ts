/**
 * The refund sweep: refunds left processing, because the provider could not be reached,
 * the process stopped between taking the points and asking, or the provider is still
 * working on it (a Stripe refund can stay pending for days). Each is asked again with
 * its own idempotency key, or read back from the provider's list of refunds, so the
 * money goes back exactly once however often this runs.
 */
import { errorFields, logger } from "../observability/logger";
import type { Services } from "../services";
import { executeRefund } from "./execute-refund";
import { syncProviderRefunds } from "./record-provider-refunds";
import { REFUNDS } from "./refund";

/** A refund younger than this is still in the hands of the request that started it. */
const SETTLE_MS = 60_000;
const BATCH = 50;

export async function resumeRefunds(options: { services: Services }): Promise<{ resumed: number }> {
  const { services } = options;
  const before = new Date(services.clock.now().getTime() - SETTLE_MS).toISOString();
  const stuck = await services.db.query({
    collection: REFUNDS,
    where: [
      { field: "status", op: "==", value: "processing" },
      { field: "requestedAt", op: "<=", value: before },
    ],
    orderBy: [{ field: "requestedAt", direction: "asc" }],
    limit: BATCH,
  });
  let resumed = 0;
  for (const refund of stuck) {
    try {
      if (refund.data.providerRefundId) await syncProviderRefunds({ services, orderId: refund.data.orderId });
      else await executeRefund({ services, refundId: refund.id });
      resumed++;
    } catch (error) {
      // One refund the provider cannot answer for now must not hold up the others.
      logger.warn("refund.resume_failed", { refundId: refund.id, ...errorFields(error) });
    }
  }
  return { resumed };
}
