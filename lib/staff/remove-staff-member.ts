import { z } from "zod";
import type { Services } from "../services";

export const removeStaffMemberInput = z.object({ email: z.email() });

export interface RemoveStaffMemberOptions {
  services: Services;
  input: unknown;
}

/**
 * Takes the staff role away and ends the account's sessions at once, so a console left
 * open stops working on its next request. The sign-in account itself stays (it may
 * also be a member's). Answers false when the address has no account.
 */
export async function removeStaffMember(options: RemoveStaffMemberOptions): Promise<boolean> {
  const { auth } = options.services;
  const { email } = removeStaffMemberInput.parse(options.input);
  const user = await auth.findUserByEmail(email);
  if (!user) return false;
  await auth.setStaffRole(user.uid, null);
  await auth.revokeSessions(user.uid);
  return true;
}
