import { z } from "zod";
import type { Services } from "../services";
import type { StaffRole } from "./staff-actor";
import { endStaffSessionsOf } from "./staff-session";

export const STAFF_ROLES = ["support", "admin"] as const satisfies readonly StaffRole[];

export const addStaffMemberInput = z.object({
  email: z.email(),
  role: z.enum(STAFF_ROLES),
});

export interface AddStaffMemberOptions {
  services: Services;
  input: unknown;
}

export interface AddedStaffMember {
  uid: string;
  role: StaffRole;
  /**
   * For an account made here (it had no password): where its holder chooses one.
   * Handed over in person, never mailed by this command.
   */
  passwordLink: string | null;
}

/**
 * Gives an account a staff role (a custom claim), making the account if the address
 * has none. Run by an operator from a shell (`npm run staff:add`): the web has no way to
 * set the claim, so no member can make themselves staff.
 */
export async function addStaffMember(options: AddStaffMemberOptions): Promise<AddedStaffMember> {
  const { auth, config } = options.services;
  const { email, role } = addStaffMemberInput.parse(options.input);
  const existed = await auth.findUserByEmail(email);
  const user = existed ?? (await auth.ensureUser(email));
  await auth.setStaffRole(user.uid, role);
  // A session keeps the role it was opened with: a changed role takes effect at the next sign-in.
  if (existed && existed.staffRole !== role)
    await endStaffSessionsOf({ services: options.services, staffUid: user.uid });
  const passwordLink = existed
    ? null
    : `${config.APP_URL}/ko/auth/action?mode=resetPassword&oobCode=${encodeURIComponent(await auth.passwordResetCode(email))}`;
  return { uid: user.uid, role, passwordLink };
}
