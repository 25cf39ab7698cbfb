import { randomUUID } from "node:crypto";
import { z } from "zod";
import { localeInput } from "../accounts/member-preferences";
import { CONSENT_RECORDS, MEMBERS } from "../accounts/members";
import type { Locale } from "../i18n/locales";
import type { Services } from "../services";
import {
  COOKIE_CATEGORY_TEXTS,
  cookieConsentPurpose,
  OPTIONAL_COOKIE_CATEGORIES,
  type CookieChoice,
} from "./cookie-consent";
import { policyVersionInEffect } from "./policy-versions";

export const cookieChoiceInput = z
  .object({ functional: z.boolean(), performance: z.boolean(), locale: localeInput.optional() })
  .strict();

export interface RecordCookieChoiceOptions {
  services: Services;
  /** The signed-in member, or null for a visitor, whose choice lives only in their browser's cookie. */
  uid: string | null;
  input: unknown;
  /** The request's language, when the body does not name the page's. */
  requestLocale: Locale;
}

/**
 * Takes a cookie choice (the route stores it in the browser's cookie). For a member it is also a consent record per optional
 * category (given or refused, the policy version in effect, the exact words shown),
 * each change a new record, so the choice can be proven as marketing consent can.
 */
export async function recordCookieChoice(options: RecordCookieChoiceOptions): Promise<CookieChoice> {
  const { functional, performance, locale = options.requestLocale } = cookieChoiceInput.parse(options.input);
  const choice: CookieChoice = { functional, performance };
  const { uid } = options;
  if (uid === null) return choice;
  const { db, clock } = options.services;
  const now = clock.now();
  const policyVersion = policyVersionInEffect(now).version;
  await db.runTransaction(async (tx) => {
    // Signed in but sign-up not finished: no member to record it for yet, only the browser's cookie.
    if (!(await tx.get(MEMBERS, uid))) return;
    for (const category of OPTIONAL_COOKIE_CATEGORIES) {
      const purpose = cookieConsentPurpose(category);
      // A fresh id per record: two choices within one millisecond are two records, never a conflict.
      tx.create(CONSENT_RECORDS, `${uid}-${purpose}-${randomUUID()}`, {
        uid,
        purpose,
        granted: choice[category],
        policyVersion,
        wording: COOKIE_CATEGORY_TEXTS[category][locale],
        method: "cookie-choice",
        recordedAt: now.toISOString(),
      });
    }
  });
  return choice;
}
