import { z } from "zod";
import { AppError } from "../errors/app-error";
import { REFUNDS } from "../refunds/refund";
import type { Services } from "../services";

/** Staff's reason goes in the body: recorded on the refund, and mailed to the member with a rejection. */
export const approveRefundInput = z.object({
  amount: z.number().int().positive(),
  points: z.number().int().min(0),
  reason: z.string(),
});

export const rejectRefundInput = z.object({ reason: z.string() });

/** The member a refund belongs to, for the access log; NOT_FOUND when there is no such refund. */
export async function refundOwner(options: { services: Services; refundId: string }): Promise<string> {
  const refund = await options.services.db.get(REFUNDS, options.refundId);
  if (!refund) throw new AppError("NOT_FOUND", "refund.notFound");
  return refund.data.uid;
}
