import type { RateLimitRule } from "../abuse/rate-limit";

const QUARTER_HOUR = 15 * 60_000;
const HOUR = 60 * 60_000;

/** Sign-ins to the console from one client: a few people behind one office address, not a script. */
export const STAFF_SIGN_IN_PER_CLIENT: RateLimitRule = {
  bucket: "staff-sign-in-client",
  limit: 20,
  windowMs: QUARTER_HOUR,
};
/**
 * Second-factor codes per staff account, right or wrong: a person's few typos, while
 * someone who has the password already gets about one chance in 3,000 a day of
 * guessing one of the three 6-digit codes a check accepts.
 */
export const STAFF_CODE_PER_ACCOUNT: RateLimitRule = { bucket: "staff-code", limit: 5, windowMs: HOUR };
export const STAFF_CODE_PER_CLIENT: RateLimitRule = { bucket: "staff-code-client", limit: 20, windowMs: HOUR };
