import { AppError } from "../errors/app-error";
import type { Services } from "../services";
import { ORDERS, toOrderView, type OrderView } from "./order";

export async function getOrder(options: { services: Services; uid: string; orderId: string }): Promise<OrderView> {
  const doc = await options.services.db.get(ORDERS, options.orderId);
  if (!doc || doc.data.uid !== options.uid) throw new AppError("NOT_FOUND", "order.notFound");
  return toOrderView(doc.id, doc.data);
}
