/**
 * The business details a Korean online shop must show on every page (전자상거래법
 * 제10조, 제13조; 정보통신망법 제27조의2 for the privacy officer). Their values come
 * from configuration (lib/config/env.ts); this file holds their shape and the rules
 * about them, without I/O.
 */

export interface PrivacyOfficer {
  name: string;
  title: string;
  /** The name and title as English pages give them (the Korean name beside the English one). */
  nameEn: string;
  titleEn: string;
  email: string;
  phone: string;
}

/** The officer's name and title in a page's language. */
export function officerIn(locale: string, officer: PrivacyOfficer): { name: string; title: string } {
  if (locale === "ko") return { name: officer.name, title: officer.title };
  const name = officer.nameEn === officer.name ? officer.name : `${officer.nameEn} (${officer.name})`;
  return { name, title: officer.titleEn };
}

export interface BusinessDetails {
  /** 상호, as registered. */
  name: string;
  /** The English form of the business name, when the business uses one; English pages show it beside the Korean. */
  nameEn: string | null;
  /** 대표자. */
  representative: string;
  /** 주소 (영업소 소재지). */
  address: string;
  /** 사업자등록번호, NNN-NN-NNNNN. */
  registrationNumber: string;
  /** 통신판매업 신고번호. */
  mailOrderReportNumber: string;
  /** 연락처: the support phone. */
  phone: string;
  /** 연락처: the support email, where refunds and questions go. */
  email: string;
  /** 개인정보 보호책임자. */
  privacyOfficer: PrivacyOfficer;
  /** 호스팅서비스 제공자. */
  hostingProvider: string;
}

export const BUSINESS_REGISTRATION_NUMBER_FORMAT = /^\d{3}-\d{2}-\d{5}$/;

/** The National Tax Service's weights for the first nine digits of a 사업자등록번호. */
const CHECK_WEIGHTS = [1, 3, 7, 1, 3, 7, 1, 3, 5] as const;

/**
 * Whether the last digit of a 사업자등록번호 (NNN-NN-NNNNN) is its check digit, which
 * catches a mistyped or swapped digit before the number reaches every page footer.
 */
export function hasValidCheckDigit(registrationNumber: string): boolean {
  if (!BUSINESS_REGISTRATION_NUMBER_FORMAT.test(registrationNumber)) return false;
  const digits = registrationNumber.replaceAll("-", "").split("").map(Number);
  const weighted = CHECK_WEIGHTS.reduce((sum, weight, i) => sum + weight * (digits[i] ?? 0), 0);
  // The ninth digit's weighted value adds its tens digit once more.
  const sum = weighted + Math.floor(((digits[8] ?? 0) * 5) / 10);
  return (10 - (sum % 10)) % 10 === digits[9];
}

/** The Fair Trade Commission's public look-up of a mail-order business (사업자정보확인), by registration number. */
export function businessLookupUrl(registrationNumber: string): string {
  return `https://www.ftc.go.kr/bizCommPop.do?wrkr_no=${registrationNumber.replace(/\D/g, "")}`;
}

/** A tel: link for a phone number as written ("010-4882-9820" → "tel:01048829820"). */
export function phoneHref(phone: string): string {
  return `tel:${phone.replace(/[^\d+]/g, "")}`;
}
