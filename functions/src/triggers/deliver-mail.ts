import { onSchedule } from "firebase-functions/v2/scheduler";
import { deliverMailOutbox } from "../../../lib/mail/deliver-mail-outbox";
import { getServices } from "../../../lib/services";

export const deliverMail = onSchedule({ schedule: "every 1 minutes" }, async () => {
  await deliverMailOutbox({ services: getServices() });
});
