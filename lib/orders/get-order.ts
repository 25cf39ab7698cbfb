import { AppError } from "../errors/app-error";
import type { Doc } from "../db/database";
import { REFUNDS, toRefundView, type Refund, type RefundView } from "../refunds/refund";
import type { Services } from "../services";
import { ORDERS, toOrderView, type OrderView } from "./order";

export type OrderWithRefunds = OrderView & { refunds: RefundView[] };

/** One of the member's orders, with its refunds, oldest first. */
export async function getOrder(options: {
  services: Services;
  uid: string;
  orderId: string;
}): Promise<OrderWithRefunds> {
  const { db } = options.services;
  const doc = await db.get(ORDERS, options.orderId);
  if (!doc || doc.data.uid !== options.uid) throw new AppError("NOT_FOUND", "order.notFound");
  const refunds = await db.query({
    collection: REFUNDS,
    where: [
      { field: "uid", op: "==", value: options.uid },
      { field: "orderId", op: "==", value: doc.id },
    ],
  });
  return { ...toOrderView(doc.id, doc.data), refunds: refundViews(refunds) };
}

export function refundViews(refunds: Doc<Refund>[]): RefundView[] {
  return refunds
    .map(({ id, data }) => toRefundView(id, data))
    .sort((a, b) => a.requestedAt.localeCompare(b.requestedAt));
}
