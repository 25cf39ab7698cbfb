import { REFUNDS, type Refund } from "../refunds/refund";
import type { Services } from "../services";

export type QueuedRefund = { refundId: string } & Pick<
  Refund,
  "uid" | "orderId" | "provider" | "amount" | "currency" | "lotPoints" | "review" | "requestedAt"
>;

const SHOWN = 100;

/** Refund requests waiting for staff, oldest first: the longest wait is decided first. */
export async function listRefundQueue(options: { services: Services }): Promise<QueuedRefund[]> {
  const waiting = await options.services.db.query({
    collection: REFUNDS,
    where: [{ field: "status", op: "==", value: "requested" }],
    orderBy: [{ field: "requestedAt", direction: "asc" }],
    limit: SHOWN,
  });
  return waiting.map(({ id, data }) => ({
    refundId: id,
    uid: data.uid,
    orderId: data.orderId,
    provider: data.provider,
    amount: data.amount,
    currency: data.currency,
    lotPoints: data.lotPoints,
    review: data.review,
    requestedAt: data.requestedAt,
  }));
}
