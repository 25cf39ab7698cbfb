/**
 * Fixed-window limits on actions that cost someone else something (mail to an
 * inbox, links from Firebase's quota). The counter is keyed by a hash of what is
 * limited (an address, an account, a client's IP address), so no address is stored
 * in the clear. The hash is pseudonymous, not anonymous (anyone can hash every IPv4
 * address), which is why the data inventory declares these records and they go
 * when their window closes.
 */
import { createHash } from "node:crypto";
import type { Transaction } from "../db/database";
import { AppError } from "../errors/app-error";
import { errorFields, logger } from "../observability/logger";
import type { Services } from "../services";

import { RATE_LIMITS } from "../privacy/data-inventory";

export { RATE_LIMITS };

export interface RateLimitRule {
  bucket: string;
  limit: number;
  windowMs: number;
}

const HOUR = 60 * 60_000;

export const PASSWORD_RESET_PER_ADDRESS: RateLimitRule = { bucket: "password-reset", limit: 3, windowMs: HOUR };
/**
 * Ten an hour per client: enough for a person who does not remember which address
 * they used, and for a few people behind one shared address; a script cycling
 * through addresses stops at ten.
 */
export const PASSWORD_RESET_PER_CLIENT: RateLimitRule = { bucket: "password-reset-client", limit: 10, windowMs: HOUR };
export const VERIFICATION_MAIL_PER_ACCOUNT: RateLimitRule = { bucket: "verification-mail", limit: 5, windowMs: HOUR };
/**
 * Anyone can make a Firebase account for any address and ask for its confirmation
 * mail, so this is mail to strangers too. Thirty an hour per client leaves room for
 * a class or an office signing up together behind one address.
 */
export const VERIFICATION_MAIL_PER_CLIENT: RateLimitRule = {
  bucket: "verification-mail-client",
  limit: 30,
  windowMs: HOUR,
};

/** Someone waits to read each inquiry: ten a day is more than a member with a real problem writes. */
export const INQUIRIES_PER_ACCOUNT: RateLimitRule = { bucket: "support-inquiry", limit: 10, windowMs: 24 * HOUR };

/** One use of a rule by one key (an address, an account id, a client key). */
export interface RateLimitUse {
  rule: RateLimitRule;
  key: string;
}

export interface RateLimitCounter {
  bucket: string;
  count: number;
  windowStartsAt: string;
  expiresAt: string;
}

/** The counter of one key under one rule: also how a withdrawal finds the counters of its member. */
export function counterId(use: RateLimitUse): string {
  return createHash("sha256").update(`${use.rule.bucket}\u0000${use.key.toLowerCase()}`).digest("hex").slice(0, 40);
}

/** A use that was counted: its counter and the window it was counted in. */
export interface CountedUse {
  id: string;
  windowStartsAt: string;
}

export interface CountRateLimitedUseOptions {
  uses: RateLimitUse[];
  now: Date;
}

/**
 * Reads the counters of `uses` in the transaction and throws RATE_LIMITED (with the
 * seconds until every one of them allows again) if any is used up. Otherwise answers
 * the function that writes the counted uses (and answers them), to be called once the transaction has
 * done its other reads (a transaction reads before it writes). A refused request
 * counts against none of its limits: it did nothing.
 */
export async function countRateLimitedUse(
  tx: Transaction,
  options: CountRateLimitedUseOptions,
): Promise<() => CountedUse[]> {
  const now = options.now.getTime();
  const counted: { id: string; use: RateLimitUse; current: RateLimitCounter | undefined }[] = [];
  let wait = 0;
  for (const use of options.uses) {
    const id = counterId(use);
    const stored = (await tx.get(RATE_LIMITS, id))?.data;
    const closesAt = stored ? Date.parse(stored.windowStartsAt) + use.rule.windowMs : 0;
    const current = closesAt > now ? stored : undefined;
    if (current && current.count >= use.rule.limit) wait = Math.max(wait, closesAt - now);
    counted.push({ id, use, current });
  }
  if (wait > 0) {
    const retryAfterSeconds = Math.ceil(wait / 1000);
    throw new AppError("RATE_LIMITED", "request.rateLimited", {
      values: { minutes: Math.ceil(retryAfterSeconds / 60) },
      details: { retryAfterSeconds },
    });
  }
  return () =>
    counted.map(({ id, use, current }) => {
      const windowStartsAt = current?.windowStartsAt ?? options.now.toISOString();
      tx.set(RATE_LIMITS, id, {
        bucket: use.rule.bucket,
        count: (current?.count ?? 0) + 1,
        windowStartsAt,
        expiresAt: new Date(Date.parse(windowStartsAt) + use.rule.windowMs).toISOString(),
      });
      return { id, windowStartsAt };
    });
}

/**
 * Counts one use of `use` in its window, never refusing it, and answers the count so
 * far, this use included: for events that are recorded rather than stopped.
 */
export async function countUse(tx: Transaction, options: { use: RateLimitUse; now: Date }): Promise<number> {
  const id = counterId(options.use);
  const stored = (await tx.get(RATE_LIMITS, id))?.data;
  const current =
    stored && Date.parse(stored.windowStartsAt) + options.use.rule.windowMs > options.now.getTime()
      ? stored
      : undefined;
  const windowStartsAt = current?.windowStartsAt ?? options.now.toISOString();
  const count = (current?.count ?? 0) + 1;
  tx.set(RATE_LIMITS, id, {
    bucket: options.use.rule.bucket,
    count,
    windowStartsAt,
    expiresAt: new Date(Date.parse(windowStartsAt) + options.use.rule.windowMs).toISOString(),
  });
  return count;
}

export interface RunRateLimitedOptions {
  services: Services;
  uses: RateLimitUse[];
}

/**
 * Runs `action` as one use of every limit in `uses`. The uses are counted first, in a
 * transaction of their own, so that concurrent requests cannot all slip under a limit;
 * past any limit it throws RATE_LIMITED and does not run the action. If the action
 * fails (the mail service is down, say), the uses are given back: a request that did
 * nothing counts against none of its limits, so a member retrying through an outage
 * is not locked out for the rest of the window.
 */
export async function runRateLimited<T>(options: RunRateLimitedOptions, action: () => Promise<T>): Promise<T> {
  const { db, clock } = options.services;
  const counted = await db.runTransaction(async (tx) => {
    const count = await countRateLimitedUse(tx, { uses: options.uses, now: clock.now() });
    return count();
  });
  try {
    return await action();
  } catch (error) {
    await giveBack(options.services, counted).catch((giveBackError: unknown) =>
      logger.error("rate_limit.give_back_failed", errorFields(giveBackError)),
    );
    throw error;
  }
}

/** Takes back counted uses, unless their window has since closed (a new one counts afresh). */
async function giveBack(services: Services, counted: CountedUse[]): Promise<void> {
  await services.db.runTransaction(async (tx) => {
    const counters = await Promise.all(counted.map(async ({ id }) => (await tx.get(RATE_LIMITS, id))?.data));
    counted.forEach(({ id, windowStartsAt }, index) => {
      const counter = counters[index];
      if (counter && counter.windowStartsAt === windowStartsAt && counter.count > 0) {
        tx.update(RATE_LIMITS, id, { count: counter.count - 1 });
      }
    });
  });
}
