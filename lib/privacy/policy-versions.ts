/**
 * The documents members consent to, with their current versions and the exact
 * wording shown next to each checkbox. A consent record stores both, so what was
 * agreed to can be proven later.
 */
import { DAY_MS } from "../clock/clock";
import { startOfKoreanDay } from "../clock/korean-calendar";

export type ConsentPurpose = "terms" | "privacy" | "marketing";

export interface ConsentText {
  purpose: ConsentPurpose;
  required: boolean;
  /** The version agreed to; null for the terms and the privacy policy, whose version is the one in effect that day (lib/accounts/consent-version.ts). */
  policyVersion: string | null;
  wording: { ko: string; en: string };
}

export const MINIMUM_AGE = 14;

export const CONSENT_TEXTS: Record<ConsentPurpose, ConsentText> = {
  terms: {
    purpose: "terms",
    required: true,
    policyVersion: null,
    wording: { ko: "[필수] 이용약관에 동의합니다.", en: "[Required] I agree to the Terms of Service." },
  },
  privacy: {
    purpose: "privacy",
    required: true,
    policyVersion: null,
    wording: {
      ko: "[필수] 개인정보 수집 및 이용에 동의합니다 (이메일, 이름, 생성 요청과 이미지, 결제 기록).",
      en: "[Required] I agree to the collection and use of my personal data (email, name, generation requests and images, payment records).",
    },
  },
  marketing: {
    purpose: "marketing",
    required: false,
    policyVersion: "marketing-2026-11-01",
    wording: {
      ko: "[선택] 이벤트와 혜택 안내 메일 수신에 동의합니다. 언제든 철회할 수 있습니다.",
      en: "[Optional] Send me news and offers by email. I can withdraw this at any time.",
    },
  },
};

// ---- The privacy policy's versions and their notice ----

/** How many days ahead a change must be announced (개인정보처리방침 제12조, as the seeds' policy promises). */
export const MINIMUM_NOTICE_DAYS = { ordinary: 7, material: 30 } as const;

export interface PrivacyPolicyVersion {
  /** What a consent record stores: "privacy-YYYY-MM-DD". */
  version: string;
  /** The day (Korea time) it takes effect, YYYY-MM-DD. */
  effectiveDate: string;
  /** The day (Korea time) it was announced on the notices page and in the site banner; null only for the first version. */
  announcedOn: string | null;
  /** A change to what is collected, why, or who receives it, or any change that weakens members' rights: 30 days' notice. */
  material: boolean;
  /** Members who consented to an earlier version give their consent again at their next sign-in. */
  needsNewConsent: boolean;
  summary: { ko: string; en: string };
}

/**
 * Every version of the privacy policy, newest first, kept for ever: a consent record
 * names one, and the policy page lists them all. A new version goes on top, with its
 * announcement day at least the minimum notice before its effective day: this module
 * refuses to load otherwise (validatePolicyVersions below), so no page, sign-up or
 * test runs with a version announced too late.
 */
export const PRIVACY_POLICY_VERSIONS: readonly [PrivacyPolicyVersion, ...PrivacyPolicyVersion[]] = [
  {
    version: "privacy-2026-11-01",
    effectiveDate: "2026-11-01",
    announcedOn: null,
    material: false,
    needsNewConsent: false,
    summary: {
      ko: "최초 제정",
      en: "First version",
    },
  },
];

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export { startOfKoreanDay };

/** Days from one calendar day to another. */
function daysBetween(from: string, to: string): number {
  return Math.round((startOfKoreanDay(to).getTime() - startOfKoreanDay(from).getTime()) / DAY_MS);
}

/** Why a list of versions may not be published, or nothing when it may. */
export function policyVersionProblems(versions: readonly PrivacyPolicyVersion[]): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  versions.forEach((entry, index) => {
    const older = versions[index + 1];
    if (seen.has(entry.version)) problems.push(`${entry.version}: listed twice`);
    seen.add(entry.version);
    if (!DATE.test(entry.effectiveDate) || Number.isNaN(startOfKoreanDay(entry.effectiveDate).getTime()))
      problems.push(`${entry.version}: effective date ${entry.effectiveDate} is not a day`);
    if (older && daysBetween(older.effectiveDate, entry.effectiveDate) <= 0)
      problems.push(`${entry.version}: takes effect no later than ${older.version}, which it follows`);
    if (!older) return;
    if (entry.announcedOn === null || !DATE.test(entry.announcedOn)) {
      problems.push(`${entry.version}: a change must say the day it was announced`);
      return;
    }
    const required = entry.material ? MINIMUM_NOTICE_DAYS.material : MINIMUM_NOTICE_DAYS.ordinary;
    const notice = daysBetween(entry.announcedOn, entry.effectiveDate);
    if (notice < required)
      problems.push(
        `${entry.version}: announced ${notice} days ahead; a ${entry.material ? "material" : "minor"} change needs ${required}`,
      );
    if (entry.needsNewConsent && !entry.material)
      problems.push(`${entry.version}: a change that needs new consent is material`);
  });
  return problems;
}

/** Refuses a list of versions that breaks a notice rule. */
export function validatePolicyVersions(versions: readonly PrivacyPolicyVersion[]): void {
  const problems = policyVersionProblems(versions);
  if (problems.length > 0) throw new Error(`Privacy policy versions refused:\n${problems.join("\n")}`);
}

/** The version in effect at a moment: the newest whose effective day has begun in Korea. */
export function policyVersionInEffect(
  now: Date,
  versions: readonly PrivacyPolicyVersion[] = PRIVACY_POLICY_VERSIONS,
): PrivacyPolicyVersion {
  const inEffect = versions.find((entry) => startOfKoreanDay(entry.effectiveDate) <= now);
  return inEffect ?? versions[versions.length - 1]!;
}

/** The announced version not yet in effect, which the site banner and the notices page show; null when there is none. */
export function announcedPolicyVersion(
  now: Date,
  versions: readonly PrivacyPolicyVersion[] = PRIVACY_POLICY_VERSIONS,
): PrivacyPolicyVersion | null {
  return (
    versions.find(
      (entry) =>
        entry.announcedOn !== null &&
        startOfKoreanDay(entry.announcedOn) <= now &&
        now < startOfKoreanDay(entry.effectiveDate),
    ) ?? null
  );
}

/**
 * Whether a member whose latest privacy consent names `consentedVersion` must consent
 * again: a version needing new consent has taken effect since the one they agreed to.
 */
export function needsNewPrivacyConsent(
  consentedVersion: string | null,
  now: Date,
  versions: readonly PrivacyPolicyVersion[] = PRIVACY_POLICY_VERSIONS,
): boolean {
  const consented = consentedVersion === null ? -1 : versions.findIndex((entry) => entry.version === consentedVersion);
  const inEffect = versions.indexOf(policyVersionInEffect(now, versions));
  // Newest first: the versions between the one in effect and the one consented to.
  const since = consented === -1 ? versions.slice(inEffect) : versions.slice(inEffect, consented);
  return since.some((entry) => entry.needsNewConsent);
}

validatePolicyVersions(PRIVACY_POLICY_VERSIONS);
