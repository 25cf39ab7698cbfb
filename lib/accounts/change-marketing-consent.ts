import { randomUUID } from "node:crypto";
import { z } from "zod";
import { AppError } from "../errors/app-error";
import { errorKey } from "../errors/error-messages";
import type { Locale } from "../i18n/locales";
import { localeInput } from "./member-preferences";
import { CONSENT_TEXTS } from "../privacy/policy-versions";
import { consentVersion } from "./consent-version";
import type { Services } from "../services";
import { CONSENT_RECORDS, MEMBERS, type ConsentRecord } from "./members";

export const changeMarketingConsentInput = z.object({
  granted: z.boolean({ error: errorKey("validation.consentChoice") }),
  /** The language of My page: the wording recorded is the one the member read. */
  locale: localeInput.optional(),
});

export interface ChangeMarketingConsentOptions {
  services: Services;
  uid: string;
  input: unknown;
  requestLocale: Locale;
}

/**
 * Gives or withdraws the marketing consent from My page, either way, at any time.
 * Every change is a new consent record (time, policy version, the exact wording shown,
 * "my-page"), written with the member's current choice in one transaction; earlier
 * records are never touched, so the history proves what held when.
 */
export async function changeMarketingConsent(options: ChangeMarketingConsentOptions): Promise<ConsentRecord> {
  const { db, clock } = options.services;
  const input = changeMarketingConsentInput.parse(options.input);
  const locale = input.locale ?? options.requestLocale;
  const text = CONSENT_TEXTS.marketing;
  const now = clock.now();
  const record: ConsentRecord = {
    uid: options.uid,
    purpose: "marketing",
    granted: input.granted,
    policyVersion: consentVersion("marketing", now),
    wording: text.wording[locale],
    method: "my-page",
    recordedAt: now.toISOString(),
  };
  const recordId = randomUUID();
  await db.runTransaction(async (tx) => {
    if (!(await tx.get(MEMBERS, options.uid))) throw new AppError("ACCOUNT_INCOMPLETE", "account.incomplete");
    tx.update(MEMBERS, options.uid, { marketingOptIn: input.granted, updatedAt: now.toISOString() });
    tx.create(CONSENT_RECORDS, recordId, record);
  });
  return record;
}
