/**
 * Staff sessions: a record on the server, named by the hash of a random token that
 * only the staff member's cookie holds. Separate from member sessions in every way
 * (their own cookie, their own store), so neither is ever taken for the other. A
 * session lives at most a working day and ends after half an hour unused; deleting
 * its record (sign-out, staff:remove) ends it at once.
 */
import { createHash, randomBytes } from "node:crypto";
import { AppError } from "../errors/app-error";
import { STAFF_SESSIONS } from "../privacy/data-inventory";
import type { Services } from "../services";
import type { StaffActor, StaffRole } from "./staff-actor";

export { STAFF_SESSIONS };

/** second-factor: the password was right and the code is still owed; active: both done. */
export type StaffSessionStage = "second-factor" | "active";

export interface StaffSession {
  staffUid: string;
  role: StaffRole;
  stage: StaffSessionStage;
  createdAt: string;
  lastSeenAt: string;
  /** The absolute end, however busy the session. */
  expiresAt: string;
}

export const STAFF_SESSION_HOURS = 8;
export const STAFF_SESSION_IDLE_MINUTES = 30;
/** A use this soon after the last one is not written down again: the idle timeout is not that fine. */
const TOUCH_AFTER_MS = 60_000;

export function newStaffSessionToken(): string {
  return randomBytes(32).toString("base64url");
}

/** The record's id: a stolen database names no live cookie. */
export function staffSessionId(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export interface CheckedStaffSession {
  id: string;
  session: StaffSession;
  actor: StaffActor;
}

/**
 * The session of `token` if it is live and at `stage` (an active session also passes a
 * second-factor check: it has done more), else UNAUTHENTICATED. An expired or idle
 * session is deleted on the way.
 */
export async function checkStaffSession(options: {
  services: Services;
  token: string | null;
  stage: StaffSessionStage;
}): Promise<CheckedStaffSession> {
  const { db, clock } = options.services;
  if (!options.token) throw new AppError("UNAUTHENTICATED", "staff.signInFirst");
  const id = staffSessionId(options.token);
  const now = clock.now();
  const session = (await db.get(STAFF_SESSIONS, id))?.data;
  if (!session) throw new AppError("UNAUTHENTICATED", "staff.sessionEnded");
  const idleSince = Date.parse(session.lastSeenAt);
  if (now.toISOString() >= session.expiresAt || now.getTime() - idleSince >= STAFF_SESSION_IDLE_MINUTES * 60_000) {
    await db.runTransaction(async (tx) => tx.delete(STAFF_SESSIONS, id));
    throw new AppError("UNAUTHENTICATED", "staff.sessionEnded");
  }
  if (options.stage === "active" && session.stage !== "active")
    throw new AppError("UNAUTHENTICATED", "staff.secondFactorFirst");
  if (now.getTime() - idleSince >= TOUCH_AFTER_MS) {
    await db.runTransaction(async (tx) => {
      if (await tx.get(STAFF_SESSIONS, id)) tx.update(STAFF_SESSIONS, id, { lastSeenAt: now.toISOString() });
    });
  }
  return { id, session, actor: { uid: session.staffUid, role: session.role } };
}

/** Ends one session. Ending one that is gone already is no error. */
export async function endStaffSession(options: { services: Services; token: string | null }): Promise<void> {
  if (!options.token) return;
  const id = staffSessionId(options.token);
  await options.services.db.runTransaction(async (tx) => tx.delete(STAFF_SESSIONS, id));
}

/** Ends every session of a staff member (staff:remove). */
export async function endStaffSessionsOf(options: { services: Services; staffUid: string }): Promise<number> {
  const { db } = options.services;
  const sessions = await db.query({
    collection: STAFF_SESSIONS,
    where: [{ field: "staffUid", op: "==", value: options.staffUid }],
  });
  if (sessions.length === 0) return 0;
  const batch = db.batch();
  for (const { id } of sessions) batch.delete(STAFF_SESSIONS, id);
  await batch.commit();
  return sessions.length;
}
