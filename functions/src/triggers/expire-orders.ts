import { onSchedule } from "firebase-functions/v2/scheduler";
import { expireOrders } from "../../../lib/orders/expire-orders";
import { recheckUnpaidOrders } from "../../../lib/orders/recheck-unpaid-orders";
import { getServices } from "../../../lib/services";

/**
 * Every 5 minutes: unpaid orders past their window are checked with their provider, then
 * credited or closed; unpaid orders due a check before then are checked and credited.
 */
export const expireUnpaidOrders = onSchedule({ schedule: "every 5 minutes", timeoutSeconds: 540 }, async () => {
  const services = getServices();
  await expireOrders({ services });
  await recheckUnpaidOrders({ services });
});
