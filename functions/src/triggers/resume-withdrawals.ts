import { onSchedule } from "firebase-functions/v2/scheduler";
import { resumeWithdrawals } from "../../../lib/withdrawal/resume-withdrawals";
import { getServices } from "../../../lib/services";

/** Every 5 minutes: withdrawals a crash or an outage left halfway are finished. */
export const resumeUnfinishedWithdrawals = onSchedule(
  { schedule: "every 5 minutes", timeoutSeconds: 540 },
  async () => {
    await resumeWithdrawals({ services: getServices() });
  },
);
