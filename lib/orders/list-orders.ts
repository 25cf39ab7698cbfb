import type { PageQuery } from "../pagination/cursor";
import { newestFirstPage } from "../pagination/newest-first-page";
import { REFUNDS } from "../refunds/refund";
import type { Services } from "../services";
import { refundViews, type OrderWithRefunds } from "./get-order";
import { ORDERS, PAID_STATUSES, toOrderView } from "./order";

const IN_LIMIT = 30;

/** The member's orders, newest first, each with its state, receipt link and refunds. */
export async function listOrders(options: {
  services: Services;
  uid: string;
  page: PageQuery;
}): Promise<{ orders: OrderWithRefunds[]; nextCursor: string | null }> {
  const { db } = options.services;
  const { docs, nextCursor } = await newestFirstPage({
    db,
    query: { collection: ORDERS, where: [{ field: "uid", op: "==", value: options.uid }] },
    page: options.page,
  });
  // Only a paid order can have refunds: queried by equality alone (no index needed), in
  // groups of Firestore's most values for "in".
  const paidIds = docs.filter(({ data }) => PAID_STATUSES.has(data.status)).map(({ id }) => id);
  const groups = Array.from({ length: Math.ceil(paidIds.length / IN_LIMIT) }, (_, i) =>
    paidIds.slice(i * IN_LIMIT, (i + 1) * IN_LIMIT),
  );
  const refunds = (
    await Promise.all(
      groups.map((orderIds) =>
        db.query({
          collection: REFUNDS,
          where: [
            { field: "uid", op: "==", value: options.uid },
            { field: "orderId", op: "in", value: orderIds },
          ],
        }),
      ),
    )
  ).flat();
  return {
    orders: docs.map(({ id, data }) => ({
      ...toOrderView(id, data),
      refunds: refundViews(refunds.filter((refund) => refund.data.orderId === id)),
    })),
    nextCursor,
  };
}
