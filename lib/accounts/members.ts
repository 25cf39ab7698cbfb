/** The member record: created once the signed-in user completes sign-up. */
import type { Database } from "../db/database";
import { AppError } from "../errors/app-error";
import type { Locale } from "../i18n/locales";
import type { CookieConsentPurpose } from "../privacy/cookie-consent";
import type { ConsentPurpose } from "../privacy/policy-versions";

import { CONSENT_RECORDS, MEMBERS } from "../privacy/data-inventory";

export { CONSENT_RECORDS, MEMBERS };

export interface Member {
  name: string;
  ageConfirmedAt: string;
  marketingOptIn: boolean;
  /** The language of the member's mail: their choice, or the language they signed up in. */
  locale: Locale;
  /** The IANA time zone in which mail shows times (Asia/Seoul unless they chose another). */
  timeZone: string;
  createdAt: string;
  updatedAt: string;
}

/** Where the member gave or withdrew a consent. */
/** Where a consent was given or withdrawn: the sign-up form, My page, the new-policy gate after sign-in, the cookie banner or settings. */
export type ConsentMethod = "sign-up" | "my-page" | "new-policy-gate" | "cookie-choice";

/** One consent given or refused: never edited, a change is a new record. */
export interface ConsentRecord {
  uid: string;
  purpose: ConsentPurpose | CookieConsentPurpose;
  granted: boolean;
  policyVersion: string;
  wording: string;
  method: ConsentMethod;
  recordedAt: string;
}

export async function findMember(db: Database, uid: string): Promise<Member | null> {
  return (await db.get(MEMBERS, uid))?.data ?? null;
}

/** Every member call but sign-up itself needs a completed account. */
export async function requireMember(db: Database, uid: string): Promise<Member> {
  const member = await findMember(db, uid);
  if (!member) {
    throw new AppError("ACCOUNT_INCOMPLETE", "account.incomplete");
  }
  return member;
}
