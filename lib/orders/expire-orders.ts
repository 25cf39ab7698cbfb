import { errorFields, logger } from "../observability/logger";
import type { Cursor } from "../db/database";
import type { Services } from "../services";
import { checkOrderPayment } from "./check-order-payment";
import { ORDERS, type Order } from "./order";

export interface ExpireOrdersOutcome {
  expired: number;
  /** Paid at the provider although we never heard of it (a lost webhook, a closed browser): now credited. */
  confirmed: number;
  /** Left open: the provider says the payment is still under way, or could not be asked. */
  left: number;
}

type Verdict = "expired" | "confirmed" | "left";

/** Closes the order as expired, unless it was paid, canceled or extended since it was read. */
async function closeAsExpired(services: Services, orderId: string): Promise<boolean> {
  return services.db.runTransaction(async (tx) => {
    const doc = await tx.get(ORDERS, orderId);
    const now = services.clock.now().toISOString();
    if (!doc || (doc.data.status !== "pending" && doc.data.status !== "waiting_for_deposit")) return false;
    if (doc.data.expiresAt > now) return false;
    tx.update(ORDERS, orderId, { status: "expired" });
    return true;
  });
}

async function settleOverdue(services: Services, orderId: string, order: Order): Promise<Verdict> {
  // A provider that is switched off, or cannot be asked, leaves only the clock; a late
  // confirmation still credits an expired order (confirmPayment accepts one).
  const status = await checkOrderPayment({ services, orderId, order, closing: true });
  if (status === "pending") return "left";
  if (status === "paid") return "confirmed";
  return (await closeAsExpired(services, orderId)) ? "expired" : "left";
}

/**
 * Closes unpaid orders past their expiresAt, after asking the provider about each one:
 * a payment the provider took but we never heard of is confirmed and credited rather
 * than lost. An order the provider cannot be asked about now (it is down) is left for
 * the next run. Runs on a schedule (the worker loop, a Cloud Functions schedule).
 */
export async function expireOrders(options: { services: Services; pageSize?: number }): Promise<ExpireOrdersOutcome> {
  const { services } = options;
  const now = services.clock.now().toISOString();
  const limit = options.pageSize ?? 100;
  const outcome: ExpireOrdersOutcome = { expired: 0, confirmed: 0, left: 0 };
  let startAfter: Cursor | undefined;
  for (;;) {
    const overdue = await services.db.query({
      collection: ORDERS,
      where: [
        { field: "status", op: "in", value: ["pending", "waiting_for_deposit"] },
        { field: "expiresAt", op: "<=", value: now },
      ],
      orderBy: [{ field: "expiresAt", direction: "asc" }],
      limit,
      ...(startAfter ? { startAfter } : {}),
    });
    for (const { id, data } of overdue) {
      const verdict = await settleOverdue(services, id, data).catch((error: unknown) => {
        logger.error("order.expiry_check_failed", { orderId: id, provider: data.provider, ...errorFields(error) });
        return "left" as const;
      });
      outcome[verdict] += 1;
    }
    const last = overdue.at(-1);
    if (!last || overdue.length < limit) break;
    startAfter = { values: [last.data.expiresAt], id: last.id };
  }
  if (outcome.expired + outcome.confirmed > 0) logger.info("order.expiry_sweep", { ...outcome });
  return outcome;
}
