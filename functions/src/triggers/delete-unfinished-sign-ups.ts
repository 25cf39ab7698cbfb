import { onSchedule } from "firebase-functions/v2/scheduler";
import { deleteUnfinishedSignUps } from "../../../lib/accounts/delete-unfinished-sign-ups";
import { getServices } from "../../../lib/services";

/** Daily: sign-in accounts whose sign-up was never completed, past the inventory's period, are deleted. */
export const deleteUnfinishedSignUpAccounts = onSchedule(
  { schedule: "every 24 hours", timeoutSeconds: 540 },
  async () => {
    await deleteUnfinishedSignUps({ services: getServices() });
  },
);
