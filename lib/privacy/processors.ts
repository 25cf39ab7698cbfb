/**
 * The companies that process personal data for us (개인정보 처리 위탁, PIPA art. 26),
 * and for those abroad the transfer the privacy policy must describe (국외 이전,
 * PIPA art. 28-8: country, items, when and how, retention, the recipient's contact).
 * The data inventory's `processors` name these ids, so a kind cannot list a processor
 * the policy does not describe, and the policy's processor table is this list.
 * Pure data, no I/O.
 */
import type { Localized } from "./data-inventory";

export type ProcessorId = "google-cloud" | "openai" | "replicate" | "toss-payments" | "stripe" | "sendgrid";

export interface OverseasTransfer {
  country: Localized;
  /** When the data leaves Korea. */
  timing: Localized;
  /** How it travels. */
  method: Localized;
  /** The recipient's contact for privacy questions, as the law asks. */
  contact: string;
}

export interface Processor {
  id: ProcessorId;
  name: string;
  /** The work entrusted to it. */
  task: Localized;
  /** What it receives. */
  items: Localized;
  /** How long it keeps what it receives. */
  keeps: Localized;
  /** Null for a processor in Korea. */
  overseas: OverseasTransfer | null;
}

const OVER_TLS: Localized = {
  ko: "암호화된 통신(TLS)으로 API를 통해 전송",
  en: "Sent to its API over an encrypted connection (TLS)",
};
const USA: Localized = { ko: "미국", en: "United States" };

export const PROCESSORS: Readonly<Record<ProcessorId, Processor>> = {
  "google-cloud": {
    id: "google-cloud",
    name: "Google LLC (Google Cloud, Firebase)",
    task: {
      ko: "서비스 호스팅, 회원 인증(Firebase Authentication), 데이터베이스(Firestore), 이미지 파일 저장(Cloud Storage)",
      en: "Hosting, member sign-in (Firebase Authentication), the database (Firestore) and image file storage (Cloud Storage)",
    },
    items: {
      ko: "이 방침의 '수집하는 개인정보' 항목 전체",
      en: "Everything listed under “Personal data we keep” in this policy",
    },
    keeps: {
      ko: "항목마다 이 방침에 적힌 보유 기간 동안 (회원 탈퇴 또는 위탁 계약 종료 시 삭제)",
      en: "For each item, the retention period this policy gives (deleted on withdrawal or when the contract ends)",
    },
    overseas: {
      country: USA,
      timing: {
        ko: "서비스를 이용할 때마다 (저장 위치: Google Cloud 데이터센터)",
        en: "Whenever the service is used (stored in Google Cloud data centres)",
      },
      method: OVER_TLS,
      contact: "https://support.google.com/policies/contact/general_privacy_form",
    },
  },
  openai: {
    id: "openai",
    name: "OpenAI, L.L.C.",
    task: {
      ko: "AI 이미지 생성과 프롬프트의 유해성 검사",
      en: "Generating images with AI and checking prompts for harmful content",
    },
    items: {
      ko: "회원이 입력한 프롬프트만 (회원의 이름, 이메일 주소, 회원 ID는 보내지 않습니다)",
      en: "The prompt the member typed, and nothing else (no name, email address or member ID)",
    },
    keeps: {
      ko: "생성이 끝나면 결과를 돌려주며, OpenAI의 API 데이터 정책에 따라 남용 감시 목적으로 최대 30일 보관 후 삭제",
      en: "Returns the result when done; kept up to 30 days for abuse monitoring under OpenAI's API data policy, then deleted",
    },
    overseas: {
      country: USA,
      timing: { ko: "회원이 이미지 생성을 요청할 때", en: "When a member asks for images" },
      method: OVER_TLS,
      contact: "privacy@openai.com",
    },
  },
  replicate: {
    id: "replicate",
    name: "Replicate, Inc.",
    task: {
      ko: "AI 이미지 생성 (FLUX, Stable Diffusion 모델)",
      en: "Generating images with AI (FLUX, Stable Diffusion)",
    },
    items: {
      ko: "회원이 입력한 프롬프트만 (회원의 이름, 이메일 주소, 회원 ID는 보내지 않습니다)",
      en: "The prompt the member typed, and nothing else (no name, email address or member ID)",
    },
    keeps: {
      ko: "생성 결과는 만든 지 1시간 뒤 Replicate가 삭제",
      en: "Replicate deletes the output one hour after making it",
    },
    overseas: {
      country: USA,
      timing: { ko: "회원이 이미지 생성을 요청할 때", en: "When a member asks for images" },
      method: OVER_TLS,
      contact: "privacy@replicate.com",
    },
  },
  "toss-payments": {
    id: "toss-payments",
    name: "토스페이먼츠 주식회사 (Toss Payments)",
    task: { ko: "원화 결제와 환불 처리", en: "Payments and refunds in Korean won" },
    items: {
      ko: "주문 번호, 상품명, 결제 금액, 결제 수단 정보 (카드 번호 등은 토스페이먼츠 결제창에 직접 입력하며 회사는 받지 않습니다)",
      en: "Order number, item name, amount, payment method details (card numbers are entered in Toss's own window; we never receive them)",
    },
    keeps: {
      ko: "전자금융거래법 등 관계 법령이 정한 기간 (대금결제 기록 5년)",
      en: "As long as Korean law requires (payment records, 5 years)",
    },
    overseas: null,
  },
  stripe: {
    id: "stripe",
    name: "Stripe, Inc.",
    task: { ko: "해외 결제(미국 달러)와 환불 처리", en: "Payments and refunds in US dollars" },
    items: {
      ko: "주문 번호, 상품명, 결제 금액, 결제 수단 정보 (카드 번호 등은 Stripe 결제창에 직접 입력하며 회사는 받지 않습니다)",
      en: "Order number, item name, amount, payment method details (card numbers are entered in Stripe's own page; we never receive them)",
    },
    keeps: {
      ko: "Stripe가 관계 법령에 따라 정한 기간 (결제 기록은 최소 5년)",
      en: "As long as the law requires of Stripe (payment records at least 5 years)",
    },
    overseas: {
      country: USA,
      timing: { ko: "회원이 달러로 결제하거나 환불받을 때", en: "When a member pays or is refunded in dollars" },
      method: OVER_TLS,
      contact: "privacy@stripe.com",
    },
  },
  sendgrid: {
    id: "sendgrid",
    name: "Twilio Inc. (SendGrid)",
    task: {
      ko: "생성 결과, 계정 안내, 비밀번호 재설정 메일 발송",
      en: "Sending result, account and password-reset mail",
    },
    items: {
      ko: "받는 사람의 이메일 주소와 메일 본문",
      en: "The recipient's email address and the mail's text",
    },
    keeps: {
      ko: "발송 기록은 SendGrid의 보관 기간(최대 30일) 뒤 삭제, 반송·수신 거부 주소는 회사가 삭제를 요청할 때까지",
      en: "Delivery records up to 30 days (SendGrid's retention); bounced or unsubscribed addresses until we ask for their removal",
    },
    overseas: {
      country: USA,
      timing: { ko: "메일을 보낼 때", en: "When mail is sent" },
      method: OVER_TLS,
      contact: "privacy@twilio.com",
    },
  },
};

/** The processors in the order the policy lists them: those in Korea first, then those abroad. */
export function processorsInPolicyOrder(): Processor[] {
  const all = Object.values(PROCESSORS);
  return [...all.filter((p) => p.overseas === null), ...all.filter((p) => p.overseas !== null)];
}
