import { DAY_MS } from "../clock/clock";
import { logger } from "../observability/logger";
import { UNFINISHED_SIGN_UP_DAYS } from "../privacy/data-inventory";
import type { Services } from "../services";
import { MEMBERS } from "./members";

/**
 * Deletes the sign-in accounts of sign-ups never completed: a Firebase user with no
 * member record, made more than UNFINISHED_SIGN_UP_DAYS ago (the inventory's
 * auth-account entry says so). Sign-up is finished in one sitting, so a week leaves
 * anyone interrupted time to come back. Staff accounts are no sign-ups: they have no
 * member record by design.
 */
export async function deleteUnfinishedSignUps(options: { services: Services }): Promise<{ deleted: number }> {
  const { auth, db, clock } = options.services;
  const madeBefore = clock.now().getTime() - UNFINISHED_SIGN_UP_DAYS * DAY_MS;
  let deleted = 0;
  let pageToken: string | null = null;
  do {
    const page = await auth.listUsers(pageToken);
    for (const user of page.users) {
      if (user.createdAt.getTime() > madeBefore || user.staffRole) continue;
      if (await db.get(MEMBERS, user.uid)) continue;
      await auth.deleteUser(user.uid);
      deleted++;
    }
    pageToken = page.nextPageToken;
  } while (pageToken);
  if (deleted > 0) logger.info("accounts.unfinished_sign_ups_deleted", { deleted });
  return { deleted };
}
