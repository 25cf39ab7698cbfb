import { AppError } from "../errors/app-error";
import type { Services } from "../services";
import { ORDERS, toOrderView, type OrderView } from "./order";

/** The buyer walked away from checkout: a pending order is closed; a paid one is not touched. */
export async function cancelOrder(options: { services: Services; uid: string; orderId: string }): Promise<OrderView> {
  const { db, clock } = options.services;
  return db.runTransaction(async (tx) => {
    const doc = await tx.get(ORDERS, options.orderId);
    if (!doc || doc.data.uid !== options.uid) throw new AppError("NOT_FOUND", "order.notFound");
    if (doc.data.status === "canceled") return toOrderView(doc.id, doc.data);
    if (doc.data.status !== "pending")
      throw new AppError("INVALID_STATE", "order.notPending", { values: { status: doc.data.status } });
    const canceled = { status: "canceled" as const, canceledAt: clock.now().toISOString() };
    tx.update(ORDERS, doc.id, canceled);
    return toOrderView(doc.id, { ...doc.data, ...canceled });
  });
}
