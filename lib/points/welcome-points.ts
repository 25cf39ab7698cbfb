/**
 * Welcome points: WELCOME_POINTS credited when a member's email address is first
 * confirmed, once per address, however the member signs in. The address is
 * remembered only as a hash (welcomeGrantId), in a record that outlives the account, so
 * a second account with the same address, or the same account deleted and made again,
 * gets nothing. The grant, its ledger entry and that record are written in one
 * transaction, and the entry is unique per account, so two requests at once grant once.
 */
import { createHash } from "node:crypto";
import { addDays } from "../clock/clock";
import { isAppError } from "../errors/app-error";
import { logger } from "../observability/logger";
import type { Services } from "../services";
import { appendLedgerEntry, readPointAccount } from "./ledger";

import { WELCOME_GRANTS } from "../privacy/data-inventory";

export { WELCOME_GRANTS };

export interface WelcomeGrant {
  grantedAt: string;
  expiresAt: string;
}

/** As long as a returning address is plausibly a returning person: past it, a new welcome does no harm. */
export const WELCOME_GRANT_RETENTION_DAYS = 3 * 365;

/** Addresses are compared as mail systems do in practice: case and surrounding spaces do not count. */
export function welcomeGrantId(address: string): string {
  return createHash("sha256").update(`welcome\u0000${address.trim().toLowerCase()}`).digest("hex");
}

/** Whether this address was given its welcome already (a cheap read, before any transaction). */
export async function welcomeGranted(services: Services, address: string): Promise<boolean> {
  return (await services.db.get(WELCOME_GRANTS, welcomeGrantId(address))) !== null;
}

/**
 * Credits the welcome points if the address is confirmed and has never had them.
 * Answers the points credited (0 when nothing was due).
 */
export async function grantWelcomePoints(options: {
  services: Services;
  uid: string;
  email: string | null;
  emailVerified: boolean;
}): Promise<number> {
  const { services } = options;
  const points = services.config.WELCOME_POINTS;
  if (points === 0 || !options.email || !options.emailVerified) return 0;
  const grantId = welcomeGrantId(options.email);
  try {
    const credited = await services.db.runTransaction(async (tx) => {
      if (await tx.get(WELCOME_GRANTS, grantId)) return 0;
      const account = await readPointAccount(tx, options.uid);
      const now = services.clock.now();
      appendLedgerEntry(tx, account, {
        uniqueBy: "welcome",
        kind: "welcome",
        amount: points,
        reason: "Welcome points",
        now,
      });
      tx.create(WELCOME_GRANTS, grantId, {
        grantedAt: now.toISOString(),
        expiresAt: addDays(now, WELCOME_GRANT_RETENTION_DAYS).toISOString(),
      });
      return points;
    });
    if (credited > 0) logger.info("points.welcome_granted", { uid: options.uid, points: credited });
    return credited;
  } catch (error) {
    // Another request granted it first (same account or same address): nothing more is due.
    if (isAppError(error, "ALREADY_EXISTS")) return 0;
    throw error;
  }
}
