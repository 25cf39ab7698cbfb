import { onSchedule } from "firebase-functions/v2/scheduler";
import { deleteExpiredDataExports } from "../../../lib/privacy/delete-expired-data-exports";
import { prepareDataExports } from "../../../lib/privacy/prepare-data-exports";
import { getServices } from "../../../lib/services";

/** Prepares the archives members asked for, and deletes those whose 7 days are over. */
export const runDataExports = onSchedule({ schedule: "every 1 minutes", timeoutSeconds: 300 }, async () => {
  const services = getServices();
  await prepareDataExports({ services });
  await deleteExpiredDataExports({ services });
});
