/**
 * Access records (접속 기록): who signed in, or used the service signed in, from which
 * address and device, kept 3 months (data-inventory.ts). A sign-in is recorded each
 * time; use of a session at most once an hour, so an ordinary request costs nothing
 * after the first of its hour (this process remembers what it recorded) and at most a
 * read otherwise. The record's id follows from the session and the hour, so two
 * processes recording the same hour write one record.
 */
import { createHash } from "node:crypto";
import type { VerifiedUser } from "../auth/auth-gateway";
import { clientKey, UNIDENTIFIED_CLIENT } from "../abuse/client-key";
import { isAppError } from "../errors/app-error";
import { logger } from "../observability/logger";
import type { Services } from "../services";
import { ACCESS_RECORDS } from "./data-inventory";

export { ACCESS_RECORDS };

export type AccessEvent = "sign-in" | "session";

export interface AccessRecord {
  uid: string;
  event: AccessEvent;
  /** The client's address as the rate limits key it (client-key.ts), or null when it cannot be known. */
  client: string | null;
  userAgent: string | null;
  occurredAt: string;
}

const MAX_USER_AGENT = 256;
const HOUR_MS = 3_600_000;
/** Ids recorded by this process; forgotten wholesale when full, which costs one read each. */
const MAX_REMEMBERED = 10_000;
const recorded = new Set<string>();

export function accessRecordId(user: VerifiedUser, event: AccessEvent, at: Date): string {
  const hour = event === "session" ? String(Math.floor(at.getTime() / HOUR_MS)) : "";
  return createHash("sha256")
    .update([user.uid, String(user.authTime), event, hour].join("\u0000"))
    .digest("hex")
    .slice(0, 40);
}

/**
 * Records one access. A failure is logged and swallowed: the request the member made
 * matters more than its record, and the next hour records the session again.
 */
export async function recordAccess(options: {
  services: Services;
  user: VerifiedUser;
  event: AccessEvent;
  headers: Headers;
}): Promise<void> {
  const { services, user, event, headers } = options;
  const now = services.clock.now();
  const id = accessRecordId(user, event, now);
  if (recorded.has(id)) return;
  const client = clientKey(headers, services.config.TRUSTED_PROXY_HOPS);
  const record: AccessRecord = {
    uid: user.uid,
    event,
    client: client === UNIDENTIFIED_CLIENT ? null : client,
    userAgent: headers.get("user-agent")?.slice(0, MAX_USER_AGENT) || null,
    occurredAt: now.toISOString(),
  };
  try {
    await services.db.runTransaction(async (tx) => {
      if (!(await tx.get(ACCESS_RECORDS, id))) tx.create(ACCESS_RECORDS, id, record);
    });
  } catch (error) {
    if (!isAppError(error, "ALREADY_EXISTS")) {
      logger.warn("access_record.failed", { event, code: isAppError(error) ? error.code : "UNKNOWN" });
      return;
    }
  }
  if (recorded.size >= MAX_REMEMBERED) recorded.clear();
  recorded.add(id);
}
