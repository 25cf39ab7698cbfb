/** Staff members made through the real paths: staff:add's use case, the sign-in and the second factor. */
import { generate } from "otplib";
import type { Services } from "../../lib/services";
import { addStaffMember } from "../../lib/staff/add-staff-member";
import { beginStaffEnrolment } from "../../lib/staff/begin-staff-enrolment";
import { giveSecondFactor } from "../../lib/staff/give-second-factor";
import type { StaffRole } from "../../lib/staff/staff-actor";
import { checkStaffSession } from "../../lib/staff/staff-session";
import { startStaffSignIn } from "../../lib/staff/start-staff-sign-in";
import { signInUser, signUpUser } from "./firebase-users";

export interface TestStaff {
  uid: string;
  email: string;
  password: string;
  role: StaffRole;
  /** The TOTP secret their authenticator app holds. */
  secret: string;
  /** The staff session cookie's value, after both factors. */
  token: string;
}

/** A code as the authenticator app shows it at `at`. */
export function totpCode(secret: string, at: Date): Promise<string> {
  return generate({ secret, epoch: Math.floor(at.getTime() / 1000) });
}

export async function signInStaffPassword(services: Services, email: string, password: string) {
  return startStaffSignIn({ services, input: { idToken: await signInUser(email, password) }, headers: new Headers() });
}

/** A staff member signed in with both factors, enrolled on the way. */
export async function createStaff(services: Services, role: StaffRole): Promise<TestStaff> {
  const user = await signUpUser();
  await addStaffMember({ services, input: { email: user.email, role } });
  const { token } = await signInStaffPassword(services, user.email, user.password);
  const { actor, id } = await checkStaffSession({ services, token, stage: "second-factor" });
  const { secret } = await beginStaffEnrolment({ services, actor });
  const code = await totpCode(secret, services.clock.now());
  await giveSecondFactor({ services, sessionId: id, actor, input: { code }, headers: new Headers() });
  return { uid: user.uid, email: user.email, password: user.password, role, secret, token };
}
