/**
 * The one gate of every staff request, API or page: a live session with both factors,
 * a role the action allows, and a stated reason where the action shows a member's
 * data. Whatever it decides is appended to the access log before anything is shown,
 * refusals included.
 */
import { AppError } from "../errors/app-error";
import type { Services } from "../services";
import { accessClient, appendStaffAccess, appendStaffAccesses, staffAccessLogKey } from "./access-log";
import { isStaffAccessReason, type StaffAccessReason } from "./access-reasons";
import type { StaffActor, StaffRole } from "./staff-actor";
import { checkStaffSession } from "./staff-session";

export interface StaffPolicy {
  /** The roles allowed; every other role is refused (and logged). */
  roles: readonly StaffRole[];
  /** What the access log calls the action, e.g. "member.view". */
  action: string;
  /** Whether the action shows a member's data, so a reason must be stated. */
  needsReason: boolean;
}

export interface AuthorizeStaffAccessOptions {
  services: Services;
  /** The staff session cookie's value. */
  token: string | null;
  headers: Headers;
  policy: StaffPolicy;
  /** The stated reason, as sent; checked here. */
  reason: string | null;
  /** Finds the member the request is about (after the session and role are checked), or null. */
  member?: () => Promise<string | null>;
}

export interface AuthorizedStaffAccess {
  actor: StaffActor;
  reason: StaffAccessReason | null;
  memberUid: string | null;
  /** Records that the action, once allowed, did not complete. */
  failed(): Promise<void>;
  /** Records, one entry each, the members whose data a list showed (a queue names many members). */
  shown(memberUids: readonly (string | null)[]): Promise<void>;
}

export async function authorizeStaffAccess(options: AuthorizeStaffAccessOptions): Promise<AuthorizedStaffAccess> {
  const { services, policy } = options;
  const { actor } = await checkStaffSession({ services, token: options.token, stage: "active" });
  const client = accessClient(options.headers, services.config.TRUSTED_PROXY_HOPS);
  const reason = isStaffAccessReason(options.reason) ? options.reason : null;
  const key = staffAccessLogKey(services.config);
  const log = (memberUid: string | null, outcome: "allowed" | "refused" | "failed") =>
    appendStaffAccess(
      services.db,
      key,
      { staffUid: actor.uid, role: actor.role, action: policy.action, memberUid, reason, client, outcome },
      services.clock.now(),
    );
  if (!policy.roles.includes(actor.role)) {
    await log(null, "refused");
    throw new AppError("FORBIDDEN", "staff.roleForbidden");
  }
  if (policy.needsReason && !reason) {
    await log(null, "refused");
    throw new AppError("REASON_REQUIRED", "staff.reasonRequired", { fields: { reason: "staff.reasonRequired" } });
  }
  let memberUid: string | null;
  try {
    memberUid = (await options.member?.()) ?? null;
  } catch (error) {
    await log(null, "failed");
    throw error;
  }
  await log(memberUid, "allowed");
  const shown = async (memberUids: readonly (string | null)[]) => {
    const members = [...new Set(memberUids.filter((uid): uid is string => uid !== null))];
    if (members.length === 0) return;
    await appendStaffAccesses(
      services.db,
      key,
      members.map((uid) => ({
        staffUid: actor.uid,
        role: actor.role,
        action: policy.action,
        memberUid: uid,
        reason,
        client,
        outcome: "allowed" as const,
      })),
      services.clock.now(),
    );
  };
  return { actor, reason, memberUid, failed: async () => void (await log(memberUid, "failed")), shown };
}
