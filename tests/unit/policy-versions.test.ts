/**
 * The policy's version rules (issue 9, "Versions"): a change announced fewer than 7
 * days ahead, or 30 for a material change, is refused; the banner shows a change
 * between its announcement and its effective day; a change needing consent asks
 * members who agreed to an earlier version.
 */
import { describe, expect, it } from "vitest";
import { consentVersion } from "../../lib/accounts/consent-version";
import { currentVersion } from "../../lib/legal/legal-document";
import { TERMS } from "../../lib/legal/terms";
import {
  announcedPolicyVersion,
  needsNewPrivacyConsent,
  policyVersionInEffect,
  policyVersionProblems,
  PRIVACY_POLICY_VERSIONS,
  validatePolicyVersions,
  type PrivacyPolicyVersion,
} from "../../lib/privacy/policy-versions";

const FIRST: PrivacyPolicyVersion = {
  version: "privacy-2026-11-01",
  effectiveDate: "2026-11-01",
  announcedOn: null,
  material: false,
  needsNewConsent: false,
  summary: { ko: "최초 제정", en: "First version" },
};

function change(overrides: Partial<PrivacyPolicyVersion>): PrivacyPolicyVersion {
  return {
    version: "privacy-2027-01-01",
    effectiveDate: "2027-01-01",
    announcedOn: "2026-12-25",
    material: false,
    needsNewConsent: false,
    summary: { ko: "문구 정리", en: "Wording" },
    ...overrides,
  };
}

describe("privacy policy versions", () => {
  it("the published list keeps every rule, and sign-up agrees to the version in effect that day", () => {
    expect(policyVersionProblems(PRIVACY_POLICY_VERSIONS)).toEqual([]);
    const versions = [
      {
        version: "privacy-2027-01-01",
        effectiveDate: "2027-01-01",
        announcedOn: "2026-12-01",
        material: true,
        needsNewConsent: true,
        summary: { ko: "변경", en: "Changed" },
      },
      ...PRIVACY_POLICY_VERSIONS,
    ];
    expect(consentVersion("privacy", new Date("2026-12-31T14:59:59Z"), versions)).toBe(
      PRIVACY_POLICY_VERSIONS[0].version,
    );
    expect(consentVersion("privacy", new Date("2026-12-31T15:00:00Z"), versions)).toBe("privacy-2027-01-01");
    expect(consentVersion("terms", new Date("2026-12-31T15:00:00Z"), versions)).toBe(
      currentVersion(TERMS, new Date("2026-12-31T15:00:00Z")).version,
    );
  });

  it("accepts a minor change announced 7 days ahead and a material one announced 30 days ahead", () => {
    expect(() => validatePolicyVersions([change({ announcedOn: "2026-12-25" }), FIRST])).not.toThrow();
    expect(() =>
      validatePolicyVersions([change({ announcedOn: "2026-12-02", material: true, needsNewConsent: true }), FIRST]),
    ).not.toThrow();
  });

  it("refuses a minor change announced 6 days ahead", () => {
    expect(() => validatePolicyVersions([change({ announcedOn: "2026-12-26" }), FIRST])).toThrow(
      /announced 6 days ahead; a minor change needs 7/,
    );
  });

  it("refuses a material change announced 29 days ahead", () => {
    expect(policyVersionProblems([change({ announcedOn: "2026-12-03", material: true }), FIRST])).toEqual([
      "privacy-2027-01-01: announced 29 days ahead; a material change needs 30",
    ]);
  });

  it("refuses a change without an announcement day, one asking for consent that is not material, and one out of order", () => {
    expect(policyVersionProblems([change({ announcedOn: null }), FIRST])).toEqual([
      "privacy-2027-01-01: a change must say the day it was announced",
    ]);
    expect(policyVersionProblems([change({ needsNewConsent: true }), FIRST])).toEqual([
      "privacy-2027-01-01: a change that needs new consent is material",
    ]);
    expect(policyVersionProblems([change({ effectiveDate: "2026-10-01", announcedOn: "2026-09-01" }), FIRST])).toEqual([
      "privacy-2027-01-01: takes effect no later than privacy-2026-11-01, which it follows",
    ]);
  });

  it("takes effect at midnight in Korea, and is announced in between", () => {
    const versions = [change({ announcedOn: "2026-12-02", material: true, needsNewConsent: true }), FIRST];
    expect(announcedPolicyVersion(new Date("2026-12-01T14:59:59Z"), versions)).toBeNull();
    expect(announcedPolicyVersion(new Date("2026-12-01T15:00:00Z"), versions)?.version).toBe("privacy-2027-01-01");
    expect(policyVersionInEffect(new Date("2026-12-31T14:59:59Z"), versions).version).toBe("privacy-2026-11-01");
    expect(announcedPolicyVersion(new Date("2026-12-31T15:00:00Z"), versions)).toBeNull();
    expect(policyVersionInEffect(new Date("2026-12-31T15:00:00Z"), versions).version).toBe("privacy-2027-01-01");
  });

  it("asks for new consent only once a version needing it is in effect, of members who agreed to an older one", () => {
    const versions = [change({ announcedOn: "2026-12-02", material: true, needsNewConsent: true }), FIRST];
    const before = new Date("2026-12-20T00:00:00Z");
    const after = new Date("2027-01-02T00:00:00Z");
    expect(needsNewPrivacyConsent("privacy-2026-11-01", before, versions)).toBe(false);
    expect(needsNewPrivacyConsent("privacy-2026-11-01", after, versions)).toBe(true);
    expect(needsNewPrivacyConsent("privacy-2027-01-01", after, versions)).toBe(false);
    expect(needsNewPrivacyConsent(null, after, versions)).toBe(true);
    const minor = [change({}), FIRST];
    expect(needsNewPrivacyConsent("privacy-2026-11-01", after, minor)).toBe(false);
  });
});
