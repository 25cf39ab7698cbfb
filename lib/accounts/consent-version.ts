/**
 * Which version of each document a consent given now agrees to, and the page showing
 * exactly that version. Server-side: it reads the terms' texts, which the browser never
 * loads (the sign-up pages are given the links they need).
 */
import { currentVersion } from "../legal/legal-document";
import { TERMS } from "../legal/terms";
import {
  CONSENT_TEXTS,
  policyVersionInEffect,
  PRIVACY_POLICY_VERSIONS,
  type ConsentPurpose,
  type PrivacyPolicyVersion,
} from "../privacy/policy-versions";

/** The version a consent given at `now` agrees to: for the terms and the privacy policy, the one in effect then. */
export function consentVersion(
  purpose: ConsentPurpose,
  now: Date,
  privacyVersions: readonly PrivacyPolicyVersion[] = PRIVACY_POLICY_VERSIONS,
): string {
  switch (purpose) {
    case "terms":
      return currentVersion(TERMS, now).version;
    case "privacy":
      return policyVersionInEffect(now, privacyVersions).version;
    case "marketing":
      return CONSENT_TEXTS.marketing.policyVersion ?? "";
  }
}

export type ConsentDocumentPaths = Record<Exclude<ConsentPurpose, "marketing">, string>;

/** The pages (paths without the language) a sign-up checkbox links to: the terms at the very version agreed to. */
export function consentDocumentPaths(now: Date): ConsentDocumentPaths {
  return { terms: `/terms/${consentVersion("terms", now)}`, privacy: "/privacy" };
}
