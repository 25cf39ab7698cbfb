import { onSchedule } from "firebase-functions/v2/scheduler";
import { prepareDataExports } from "../../../lib/privacy/prepare-data-exports";
import { getServices } from "../../../lib/services";

/** Prepares the archives members asked for (the retention sweep deletes them after their 7 days). */
export const runDataExports = onSchedule({ schedule: "every 1 minutes", timeoutSeconds: 300 }, async () => {
  const services = getServices();
  await prepareDataExports({ services });
});
