import { onSchedule } from "firebase-functions/v2/scheduler";
import { purgeExpiredImages } from "../../../lib/images/purge-expired-images";
import { getServices } from "../../../lib/services";

export const purgeExpired = onSchedule({ schedule: "every 60 minutes", timeoutSeconds: 540 }, async () => {
  await purgeExpiredImages({ services: getServices() });
});
