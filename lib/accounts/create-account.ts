import { z } from "zod";
import { AppError } from "../errors/app-error";
import { DEFAULT_TIME_ZONE, type Locale } from "../i18n/locales";
import { CONSENT_TEXTS, MINIMUM_AGE, type ConsentPurpose, type PrivacyPolicyVersion } from "../privacy/policy-versions";
import { consentVersion } from "./consent-version";
import type { Services } from "../services";
import { humanText } from "../text/human-text";
import { localeInput, timeZoneInput } from "./member-preferences";
import { CONSENT_RECORDS, MEMBERS, type Member } from "./members";

export const createAccountInput = z.object({
  name: humanText({ field: "name", maxLength: 80 }),
  ageConfirmed: z.boolean(),
  consents: z.object({ terms: z.boolean(), privacy: z.boolean(), marketing: z.boolean() }),
  /** The language of the sign-up page: the consent wording recorded, and the member's mail. */
  locale: localeInput.optional(),
  timeZone: timeZoneInput.optional(),
});

const underAgeInput = z.object({ ageConfirmed: z.literal(false) });

export interface CreateAccountOptions {
  services: Services;
  uid: string;
  input: unknown;
  /** The request's language (Accept-Language), for a body that names none. */
  requestLocale: Locale;
  /** The privacy policy's versions, of which the one in effect is agreed to (tests give their own). */
  versions?: readonly PrivacyPolicyVersion[];
}

/**
 * Completes sign-up for a signed-in Firebase user: refuses under-14s (deleting the
 * sign-in account they made) and missing required consents, then stores the member (with the language and time zone their
 * mail will use) and one consent record per purpose (time, policy version and the
 * exact wording shown) in one transaction, then clears the name and picture a Google
 * sign-in copied into the sign-in account.
 */
export async function createAccount(options: CreateAccountOptions): Promise<Member> {
  const { db, clock } = options.services;
  // Age first, whatever else the form holds: someone under 14 says only that (the
  // sign-up page's "I am under 14"), and nothing else they typed is kept.
  if (underAgeInput.safeParse(options.input).success) {
    // We may not keep an under-14's data without a guardian's consent (PIPA art. 22-2),
    // and the sign-in account was made before we could ask: it goes at once. A member
    // already signed up is never deleted by a form sent again.
    if (!(await db.get(MEMBERS, options.uid))) await options.services.auth.deleteUser(options.uid);
    throw new AppError("CONSENT_REQUIRED", "account.underAge", {
      values: { minimumAge: MINIMUM_AGE },
      fields: { ageConfirmed: { key: "validation.ageConfirmation", values: { minimumAge: MINIMUM_AGE } } },
    });
  }
  const input = createAccountInput.parse(options.input);
  const locale = input.locale ?? options.requestLocale;
  const refused = (Object.keys(CONSENT_TEXTS) as ConsentPurpose[]).filter(
    (p) => CONSENT_TEXTS[p].required && !input.consents[p],
  );
  if (refused.length > 0) {
    throw new AppError("CONSENT_REQUIRED", "account.consentsMissing", {
      details: { consents: refused },
      fields: Object.fromEntries(refused.map((purpose) => [`consents.${purpose}`, "validation.consentRequired"])),
    });
  }
  const now = clock.now().toISOString();
  const created = await db.runTransaction(async (tx) => {
    if (await tx.get(MEMBERS, options.uid)) throw new AppError("ACCOUNT_EXISTS", "account.exists");
    const member: Member = {
      name: input.name,
      ageConfirmedAt: now,
      marketingOptIn: input.consents.marketing,
      locale,
      timeZone: input.timeZone ?? DEFAULT_TIME_ZONE,
      createdAt: now,
      updatedAt: now,
    };
    tx.create(MEMBERS, options.uid, member);
    for (const purpose of Object.keys(CONSENT_TEXTS) as ConsentPurpose[]) {
      const text = CONSENT_TEXTS[purpose];
      tx.create(CONSENT_RECORDS, `${options.uid}-${purpose}-${Date.parse(now)}`, {
        uid: options.uid,
        purpose,
        granted: input.consents[purpose],
        policyVersion: consentVersion(purpose, new Date(now), options.versions),
        wording: text.wording[locale],
        method: "sign-up",
        recordedAt: now,
      });
    }
    return member;
  });
  // The member's name is the one they gave here: the copy of Google's name and picture
  // that a Google sign-in left in the sign-in account is used no more, so it goes.
  await options.services.auth.clearProfile(options.uid);
  return created;
}
