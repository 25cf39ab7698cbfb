import { z } from "zod";
import type { Services } from "../services";
import { STAFF_SECOND_FACTORS } from "./second-factor";
import { endStaffSessionsOf } from "./staff-session";

export const removeStaffMemberInput = z.object({ email: z.email() });

export interface RemoveStaffMemberOptions {
  services: Services;
  input: unknown;
}

/**
 * Takes the staff role away, ends the account's staff and Firebase sessions at once (a
 * console left open stops working on its next request) and deletes its second factor.
 * The sign-in account itself stays (it may also be a member's). Answers false when the
 * address has no account.
 */
export async function removeStaffMember(options: RemoveStaffMemberOptions): Promise<boolean> {
  const { auth, db } = options.services;
  const { email } = removeStaffMemberInput.parse(options.input);
  const user = await auth.findUserByEmail(email);
  if (!user) return false;
  await auth.setStaffRole(user.uid, null);
  await endStaffSessionsOf({ services: options.services, staffUid: user.uid });
  await db.runTransaction(async (tx) => tx.delete(STAFF_SECOND_FACTORS, user.uid));
  await auth.revokeSessions(user.uid);
  return true;
}
