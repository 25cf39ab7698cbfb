import { onSchedule } from "firebase-functions/v2/scheduler";
import { resumeRefunds } from "../../../lib/refunds/resume-refunds";
import { getServices } from "../../../lib/services";

/** Every 5 minutes: refunds left processing are asked again, or read back from their provider. */
export const resumeProcessingRefunds = onSchedule({ schedule: "every 5 minutes", timeoutSeconds: 540 }, async () => {
  await resumeRefunds({ services: getServices() });
});
