/**
 * Fixed-window limits on actions that cost someone else something (mail to an
 * inbox, links from Firebase's quota). The counter is keyed by a hash of what is
 * limited (an address, an account), so no address is stored in the clear.
 */
import { createHash } from "node:crypto";
import { AppError } from "../errors/app-error";
import type { Services } from "../services";

import { RATE_LIMITS } from "../privacy/data-inventory";

export { RATE_LIMITS };

export interface RateLimitRule {
  bucket: string;
  limit: number;
  windowMs: number;
}

export const PASSWORD_RESET_PER_ADDRESS: RateLimitRule = { bucket: "password-reset", limit: 3, windowMs: 60 * 60_000 };
export const VERIFICATION_MAIL_PER_ACCOUNT: RateLimitRule = {
  bucket: "verification-mail",
  limit: 5,
  windowMs: 60 * 60_000,
};

export interface RateLimitCounter {
  bucket: string;
  count: number;
  windowStartsAt: string;
  expiresAt: string;
}

/** Counts one use; throws RATE_LIMITED (with the seconds to wait) past the limit. */
export async function consumeRateLimit(options: {
  services: Services;
  rule: RateLimitRule;
  key: string;
}): Promise<void> {
  const { services, rule } = options;
  const id = createHash("sha256").update(`${rule.bucket}\u0000${options.key.toLowerCase()}`).digest("hex").slice(0, 40);
  await services.db.runTransaction(async (tx) => {
    const now = services.clock.now();
    const current = (await tx.get<RateLimitCounter>(RATE_LIMITS, id))?.data;
    const open = current !== undefined && Date.parse(current.windowStartsAt) + rule.windowMs > now.getTime();
    if (open && current.count >= rule.limit) {
      const retryAfterSeconds = Math.ceil((Date.parse(current.windowStartsAt) + rule.windowMs - now.getTime()) / 1000);
      throw new AppError(
        "RATE_LIMITED",
        `Too many requests. Try again in ${Math.ceil(retryAfterSeconds / 60)} minute(s).`,
        { retryAfterSeconds },
      );
    }
    const windowStartsAt = open ? current.windowStartsAt : now.toISOString();
    tx.set(RATE_LIMITS, id, {
      bucket: rule.bucket,
      count: open ? current.count + 1 : 1,
      windowStartsAt,
      expiresAt: new Date(Date.parse(windowStartsAt) + rule.windowMs).toISOString(),
    });
  });
}
