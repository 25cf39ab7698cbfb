import { onDocumentCreated } from "firebase-functions/v2/firestore";
import { deliverMailOutbox } from "../../../lib/mail/deliver-mail-outbox";
import { MAIL_OUTBOX } from "../../../lib/mail/mail-outbox";
import { getServices } from "../../../lib/services";

/**
 * Mail goes out as soon as it is queued (a password reset should not wait for the
 * next scheduled run). deliverMail still runs every minute for retries; each item is
 * claimed before it is sent, so the two never send the same mail twice.
 */
export const onMailQueued = onDocumentCreated({ document: `${MAIL_OUTBOX.name}/{mailId}` }, async () => {
  await deliverMailOutbox({ services: getServices() });
});
