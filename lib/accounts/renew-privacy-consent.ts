import { randomUUID } from "node:crypto";
import { z } from "zod";
import { CONSENT_TEXTS, PRIVACY_POLICY_VERSIONS, type PrivacyPolicyVersion } from "../privacy/policy-versions";
import type { Services } from "../services";
import { findPendingPrivacyConsent } from "./find-pending-privacy-consent";
import { localeInput } from "./member-preferences";
import { CONSENT_RECORDS } from "./members";

export const renewPrivacyConsentInput = z.object({ agree: z.literal(true), locale: localeInput });

export interface RenewPrivacyConsentOptions {
  services: Services;
  uid: string;
  input: unknown;
  versions?: readonly PrivacyPolicyVersion[];
}

/**
 * Records a member's consent to the privacy policy version in effect, asked for at
 * sign-in after a change that needs it: a new consent record (time, version, the exact
 * wording shown, in the language shown), never an edit of the old one. Nothing is
 * written when no consent is pending, so a second click records nothing twice.
 */
export async function renewPrivacyConsent(options: RenewPrivacyConsentOptions): Promise<{ recorded: string | null }> {
  const input = renewPrivacyConsentInput.parse(options.input);
  const versions = options.versions ?? PRIVACY_POLICY_VERSIONS;
  const pending = await findPendingPrivacyConsent({ services: options.services, uid: options.uid, versions });
  if (!pending) return { recorded: null };
  const now = options.services.clock.now().toISOString();
  await options.services.db.runTransaction(async (tx) => {
    tx.create(CONSENT_RECORDS, `${options.uid}-privacy-${randomUUID()}`, {
      uid: options.uid,
      purpose: "privacy",
      granted: true,
      policyVersion: pending.version,
      wording: CONSENT_TEXTS.privacy.wording[input.locale],
      method: "new-policy-gate",
      recordedAt: now,
    });
  });
  return { recorded: pending.version };
}
