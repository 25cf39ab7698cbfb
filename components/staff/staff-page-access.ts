/**
 * The staff console's pages pass the same gate as its APIs (authorize-staff-access.ts),
 * reading the staff cookie on the server; a missing, ended or half-finished session goes
 * back to the sign-in page before anything is rendered.
 */
import { cookies, headers } from "next/headers";
import { redirect } from "@/i18n/navigation";
import { isAppError } from "@/lib/errors/app-error";
import type { Locale } from "@/lib/i18n/locales";
import { STAFF_SESSION_COOKIE } from "@/lib/http/session-cookie";
import { getServices } from "@/lib/services";
import { authorizeStaffAccess, type AuthorizedStaffAccess, type StaffPolicy } from "@/lib/staff/authorize-staff-access";
import { checkStaffSession, type CheckedStaffSession, type StaffSessionStage } from "@/lib/staff/staff-session";

export async function staffToken(): Promise<string | null> {
  return (await cookies()).get(STAFF_SESSION_COOKIE)?.value ?? null;
}

export async function staffPageAccess(options: {
  locale: Locale;
  policy: StaffPolicy;
  reason?: string | null;
  member?: () => Promise<string | null>;
}): Promise<AuthorizedStaffAccess> {
  try {
    return await authorizeStaffAccess({
      services: getServices(),
      token: await staffToken(),
      headers: await headers(),
      policy: options.policy,
      reason: options.reason ?? null,
      ...(options.member ? { member: options.member } : {}),
    });
  } catch (error) {
    if (isAppError(error, "UNAUTHENTICATED")) redirect({ href: "/staff", locale: options.locale });
    throw error;
  }
}

/** The session at `stage`, or null: for the sign-in steps' own pages. */
export async function staffSessionAt(stage: StaffSessionStage): Promise<CheckedStaffSession | null> {
  try {
    return await checkStaffSession({ services: getServices(), token: await staffToken(), stage });
  } catch (error) {
    if (isAppError(error, "UNAUTHENTICATED")) return null;
    throw error;
  }
}
