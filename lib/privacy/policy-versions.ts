/**
 * The documents members consent to, with their current versions and the exact
 * wording shown next to each checkbox. A consent record stores both, so what was
 * agreed to can be proven later.
 */
export type ConsentPurpose = "terms" | "privacy" | "marketing";

export interface ConsentText {
  purpose: ConsentPurpose;
  required: boolean;
  policyVersion: string;
  /** The page (path without the language) showing exactly this version, which the checkbox links to; none for marketing. */
  documentPath: string | null;
  wording: { ko: string; en: string };
}

export const MINIMUM_AGE = 14;

export const CONSENT_TEXTS: Record<ConsentPurpose, ConsentText> = {
  terms: {
    purpose: "terms",
    required: true,
    policyVersion: "terms-2026-11-23",
    documentPath: "/terms/terms-2026-11-23",
    wording: { ko: "[필수] 이용약관에 동의합니다.", en: "[Required] I agree to the Terms of Service." },
  },
  privacy: {
    purpose: "privacy",
    required: true,
    policyVersion: "privacy-2026-11-01",
    documentPath: "/privacy",
    wording: {
      ko: "[필수] 개인정보 수집 및 이용에 동의합니다 (이메일, 이름, 생성 요청과 이미지, 결제 기록).",
      en: "[Required] I agree to the collection and use of my personal data (email, name, generation requests and images, payment records).",
    },
  },
  marketing: {
    purpose: "marketing",
    required: false,
    policyVersion: "marketing-2026-11-01",
    documentPath: null,
    wording: {
      ko: "[선택] 이벤트와 혜택 안내 메일 수신에 동의합니다. 언제든 철회할 수 있습니다.",
      en: "[Optional] Send me news and offers by email. I can withdraw this at any time.",
    },
  },
};
