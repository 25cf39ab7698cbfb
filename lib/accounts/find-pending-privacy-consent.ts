import type { Services } from "../services";
import {
  needsNewPrivacyConsent,
  policyVersionInEffect,
  PRIVACY_POLICY_VERSIONS,
  type PrivacyPolicyVersion,
} from "../privacy/policy-versions";
import { CONSENT_RECORDS } from "./members";

export interface FindPendingPrivacyConsentOptions {
  services: Services;
  uid: string;
  /** The policy's versions, newest first; the published list unless a test gives its own. */
  versions?: readonly PrivacyPolicyVersion[];
}

/**
 * The privacy policy version a member must consent to before going on, or null: a
 * version that needs new consent has taken effect since the latest one they agreed to
 * (the member area asks at their next sign-in, issue 9).
 */
export async function findPendingPrivacyConsent(
  options: FindPendingPrivacyConsentOptions,
): Promise<PrivacyPolicyVersion | null> {
  const versions = options.versions ?? PRIVACY_POLICY_VERSIONS;
  const now = options.services.clock.now();
  // A member has a handful of consent records: read them by member alone, which needs no composite index.
  const records = await options.services.db.query({
    collection: CONSENT_RECORDS,
    where: [{ field: "uid", op: "==", value: options.uid }],
  });
  const latest = records
    .map((doc) => doc.data)
    .filter((record) => record.purpose === "privacy" && record.granted)
    .sort((a, b) => b.recordedAt.localeCompare(a.recordedAt))[0];
  return needsNewPrivacyConsent(latest?.policyVersion ?? null, now, versions)
    ? policyVersionInEffect(now, versions)
    : null;
}
