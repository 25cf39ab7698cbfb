import type { Cursor } from "../db/database";
import { errorFields, logger } from "../observability/logger";
import type { Services } from "../services";
import { checkOrderPayment } from "./check-order-payment";
import { ORDERS, type Order } from "./order";
import { nextPaymentCheckAt } from "./payment-check-schedule";

export interface RecheckUnpaidOrdersOptions {
  services: Services;
  pageSize?: number;
}

export interface RecheckUnpaidOrdersOutcome {
  /** Orders whose provider was asked this run. */
  checked: number;
  /** Paid at the provider although we never heard of it: now credited. */
  confirmed: number;
}

/**
 * Takes the order's due check for this run, moving nextCheckAt to the following one
 * before the provider is asked: two sweeps never ask twice, and a run that dies while
 * asking leaves the order to its next check and, at the latest, to the expiry sweep.
 */
async function claimCheck(services: Services, orderId: string): Promise<Order | null> {
  return services.db.runTransaction(async (tx) => {
    const doc = await tx.get(ORDERS, orderId);
    const now = services.clock.now();
    if (!doc || (doc.data.status !== "pending" && doc.data.status !== "waiting_for_deposit")) return null;
    if (!doc.data.nextCheckAt || doc.data.nextCheckAt > now.toISOString()) return null;
    tx.update(ORDERS, orderId, { nextCheckAt: nextPaymentCheckAt(doc.data.createdAt, now) });
    return doc.data;
  });
}

/**
 * Re-reads unpaid orders from their provider on the schedule of payment-check-schedule.ts,
 * before they expire, and credits what was paid: a lost webhook or a closed browser
 * costs the buyer minutes, not the payment. Never closes an order (the buyer may still
 * be paying); lib/orders/expire-orders.ts does that at expiry. Runs on the same schedule
 * as the expiry sweep (the worker loop, the expireUnpaidOrders function).
 */
export async function recheckUnpaidOrders(options: RecheckUnpaidOrdersOptions): Promise<RecheckUnpaidOrdersOutcome> {
  const { services } = options;
  const now = services.clock.now().toISOString();
  const limit = options.pageSize ?? 100;
  const outcome: RecheckUnpaidOrdersOutcome = { checked: 0, confirmed: 0 };
  let startAfter: Cursor | undefined;
  for (;;) {
    const due = await services.db.query({
      collection: ORDERS,
      where: [
        { field: "status", op: "in", value: ["pending", "waiting_for_deposit"] },
        { field: "nextCheckAt", op: "<=", value: now },
      ],
      orderBy: [{ field: "nextCheckAt", direction: "asc" }],
      limit,
      ...(startAfter ? { startAfter } : {}),
    });
    for (const { id } of due) {
      try {
        const order = await claimCheck(services, id);
        if (!order) continue;
        outcome.checked += 1;
        if ((await checkOrderPayment({ services, orderId: id, order, closing: false })) === "paid")
          outcome.confirmed += 1;
      } catch (error) {
        logger.error("order.payment_check_failed", { orderId: id, ...errorFields(error) });
      }
    }
    const last = due.at(-1);
    if (!last || due.length < limit) break;
    startAfter = { values: [last.data.nextCheckAt ?? now], id: last.id };
  }
  if (outcome.confirmed > 0) logger.info("order.payment_recheck", { ...outcome });
  return outcome;
}
