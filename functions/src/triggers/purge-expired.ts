import { onSchedule } from "firebase-functions/v2/scheduler";
import { purgeExpiredData } from "../../../lib/privacy/purge-expired-data";
import { getServices } from "../../../lib/services";

export const purgeExpired = onSchedule({ schedule: "every 60 minutes", timeoutSeconds: 540 }, async () => {
  await purgeExpiredData({ services: getServices() });
});
