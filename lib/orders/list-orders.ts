import type { PageQuery } from "../pagination/cursor";
import { newestFirstPage } from "../pagination/newest-first-page";
import type { Services } from "../services";
import { ORDERS, toOrderView, type OrderView } from "./order";

/** The member's orders, newest first, each with its state and receipt link. */
export async function listOrders(options: {
  services: Services;
  uid: string;
  page: PageQuery;
}): Promise<{ orders: OrderView[]; nextCursor: string | null }> {
  const { docs, nextCursor } = await newestFirstPage({
    db: options.services.db,
    query: { collection: ORDERS, where: [{ field: "uid", op: "==", value: options.uid }] },
    page: options.page,
  });
  return { orders: docs.map(({ id, data }) => toOrderView(id, data)), nextCursor };
}
