/**
 * Cookie consent by category, and the audit of everything the app stores in a
 * browser. Necessary storage needs no consent; functional and performance storage
 * only after the visitor opts in. The choice itself lives in one necessary
 * first-party cookie holding nothing but the choice (and, for a member, in consent
 * records as well). Pure rules, no I/O.
 */
import type { Localized } from "./data-inventory";

export type CookieCategory = "necessary" | "functional" | "performance";
export const OPTIONAL_COOKIE_CATEGORIES = ["functional", "performance"] as const;
export type OptionalCookieCategory = (typeof OPTIONAL_COOKIE_CATEGORIES)[number];

export type CookieChoice = Readonly<Record<OptionalCookieCategory, boolean>>;

/** The consent record purposes of a member's cookie choice, one per optional category. */
export type CookieConsentPurpose = `cookies-${OptionalCookieCategory}`;

export const COOKIE_CONSENT_COOKIE = "cookie-consent";
/** The choice is asked again after this long, as it is for a refusal. */
export const COOKIE_CONSENT_MAX_AGE_SECONDS = 180 * 24 * 60 * 60;

/** The words next to each category's checkbox, recorded with a member's choice. Change them only with a new policy version. */
export const COOKIE_CATEGORY_TEXTS: Readonly<Record<CookieCategory, Localized>> = {
  necessary: {
    ko: "필수: 로그인 유지와 이 선택의 저장처럼 서비스가 동작하는 데 꼭 필요한 쿠키입니다. 거부할 수 없습니다.",
    en: "Necessary: what the service cannot work without, such as keeping you signed in and remembering this choice. Always on.",
  },
  functional: {
    ko: "기능: 화면 설정 등 편의 기능을 기억하는 쿠키입니다. 동의한 경우에만 저장합니다.",
    en: "Functional: remembers conveniences such as display settings. Stored only if you agree.",
  },
  performance: {
    ko: "성능: 방문 통계로 서비스 품질을 개선하는 쿠키입니다. 동의한 경우에만 저장합니다.",
    en: "Performance: visit statistics that help us improve the service. Stored only if you agree.",
  },
};

const CHOICE_VALUE = /^f([01])\.p([01])$/;

/** The cookie's value: "f1.p0" (functional yes, performance no), nothing else. */
export function encodeCookieChoice(choice: CookieChoice): string {
  return `f${choice.functional ? 1 : 0}.p${choice.performance ? 1 : 0}`;
}

/** The choice in a cookie value, or null when there is none or it is not one we wrote (then the banner asks again). */
export function parseCookieChoice(value: string | null | undefined): CookieChoice | null {
  const match = value ? CHOICE_VALUE.exec(value) : null;
  return match ? { functional: match[1] === "1", performance: match[2] === "1" } : null;
}

export function cookieChoiceHeader(choice: CookieChoice, secure: boolean): string {
  return [
    `${COOKIE_CONSENT_COOKIE}=${encodeCookieChoice(choice)}`,
    "Path=/",
    "HttpOnly",
    "SameSite=Lax",
    `Max-Age=${COOKIE_CONSENT_MAX_AGE_SECONDS}`,
    ...(secure ? ["Secure"] : []),
  ].join("; ");
}

export type BrowserStorageKind = "cookie" | "localStorage" | "sessionStorage" | "indexedDB" | "memory";

export interface BrowserStorageEntry {
  name: string;
  kind: BrowserStorageKind;
  category: CookieCategory;
  purpose: Localized;
  lifetime: Localized;
}

/**
 * Everything the app keeps in a visitor's browser, and its category; the cookie
 * section of the privacy policy is this list. tests/e2e/privacy/cookie-consent.spec.ts
 * fails when a page stores anything before consent that is not necessary here.
 */
export const BROWSER_STORAGE: readonly BrowserStorageEntry[] = [
  {
    name: "__session",
    kind: "cookie",
    category: "necessary",
    purpose: {
      ko: "로그인 상태 유지 (로그인한 회원에게만, 스크립트에서 읽을 수 없는 쿠키)",
      en: "Keeps a member signed in (members only; scripts cannot read it)",
    },
    lifetime: { ko: "로그아웃할 때까지, 길어야 14일 (기본 5일)", en: "Until sign-out; 14 days at most (5 by default)" },
  },
  {
    name: COOKIE_CONSENT_COOKIE,
    kind: "cookie",
    category: "necessary",
    purpose: {
      ko: "쿠키 선택 내용만 저장 (예: f0.p0 = 기능 거부, 성능 거부). 다른 정보는 담지 않습니다",
      en: "Holds your cookie choice and nothing else (e.g. f0.p0 = functional no, performance no)",
    },
    lifetime: { ko: "180일 (그 뒤 다시 묻습니다)", en: "180 days (then we ask again)" },
  },
  {
    name: "Firebase Authentication",
    kind: "memory",
    category: "necessary",
    purpose: {
      ko: "로그인하는 동안 페이지 메모리에만 두며, 브라우저 저장소에 남기지 않습니다",
      en: "Kept in the page's memory while signing in, never in browser storage",
    },
    lifetime: { ko: "페이지를 닫을 때까지", en: "Until the page is closed" },
  },
];

/** What a member's cookie choice records, one consent per optional category. */
export function cookieConsentPurpose(category: OptionalCookieCategory): CookieConsentPurpose {
  return `cookies-${category}`;
}
