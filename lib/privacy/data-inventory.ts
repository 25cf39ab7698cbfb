/**
 * The data inventory: every kind of personal data the product keeps, where it lives,
 * its fields, why, on what legal basis, for how long, how it is disposed of and
 * which processors see it. Pure data, no I/O.
 *
 * Each database collection's typed handle is made here, from its record type and a
 * description of every one of its fields: the compiler refuses a field the record has
 * and this table does not describe (or the reverse), and the database refuses writes
 * through any other handle (with-inventory-guard.ts). So the inventory cannot drift
 * from what the code stores. The privacy policy page, the retention sweeper, the data
 * export and account withdrawal all read this same table.
 */
import type { Member, ConsentRecord } from "../accounts/members";
import type { AbuseRecord } from "../abuse/abuse-record";
import type { RateLimitCounter } from "../abuse/rate-limit";
import type { JsonValue } from "../db/database";
import { defineCollection, type Collection, type FieldDescriptions, type StoredRecord } from "../db/collection";
import type { DocumentData } from "../db/database";
import type { GenerationJob } from "../generation/generation-job";
import type { IdempotencyKeyRecord } from "../idempotency/idempotency-key";
import type { ImageRecord } from "../images/image-record";
import type { OutboxItem } from "../mail/mail-outbox";
import type { MailProviderEvent, MailSuppression } from "../mail/mail-suppression";
import type { Order } from "../orders/order";
import type { PointAccount, PointEntry } from "../points/ledger";
import type { Reservation } from "../points/reservations";
import type { Refund } from "../refunds/refund";
import type { WelcomeGrant } from "../points/welcome-points";
import type { WebhookDelivery } from "../webhooks/webhook-delivery";
import type { Withdrawal } from "../withdrawal/withdrawal";
import type { LegalHoldRecord } from "./legal-hold-record";
import type { ProcessingRestriction } from "./processing-restriction";
import type { PrivacyRequest } from "./privacy-request";
import type { SupportInquiry } from "../support/support-inquiry";
import type { DataExport } from "./data-export";
import type { AccessRecord } from "./access-records";
import type { DisplayRecord } from "../pricing/display-records";
import type { StaffAccessChainHead, StaffAccessEntry } from "../staff/access-log";
import type { StaffSecondFactor } from "../staff/second-factor";
import type { StaffSession } from "../staff/staff-session";
import type { ProcessorId } from "./processors";

export type Localized = { ko: string; en: string };

/**
 * How the retention sweeper (purge-expired-data.ts) finds what is due, so that it needs
 * no knowledge of any one kind: the records whose `field` is at most now minus the
 * period (`marks: "start"`, the field holds when the period began), or at most now
 * (`marks: "end"`, the field is stamped when written with the moment the period ends,
 * an `expiresAt` that a later event may push back). `keptWhilePointsAccountOpen`: the
 * record is also kept while its member's points account is open (see POINTS_HISTORY_DISPOSAL).
 */
export interface SweptBy<F extends string = string> {
  field: F;
  marks: "start" | "end";
  keptWhilePointsAccountOpen?: true;
}

type RetentionPeriod =
  | { kind: "days"; days: number; from: Localized; deletableOnRequest: boolean }
  | { kind: "months"; months: number; from: Localized }
  | { kind: "years"; years: number; from: Localized };

/** Blob storage kinds have a period and no `sweptBy`: their files count from when they were written. */
export type Retention<F extends string = string> =
  { kind: "until-withdrawal" } | (RetentionPeriod & { sweptBy?: SweptBy<F> }) | { kind: "until-delivered" };

export interface DataKind {
  id: string;
  title: Localized;
  /** Where it lives: a database collection, blob storage or the auth provider. */
  store:
    { kind: "database"; collection: string } | { kind: "blob-storage"; prefix: string } | { kind: "auth-provider" };
  /** Field name to what it holds. For database kinds, the only fields code may write. */
  fields: Readonly<Record<string, Localized>>;
  purpose: Localized;
  legalBasis: Localized;
  retention: Retention;
  /** On withdrawal: delete at once, or keep pseudonymised until the retention period ends. */
  onWithdrawal: "delete" | "pseudonymise-and-keep";
  disposal: Localized;
  /** Who processes it for us: entries of lib/privacy/processors.ts, which the policy describes. */
  processors: readonly ProcessorId[];
}

const CONTRACT_BASIS: Localized = {
  ko: "계약의 이행 (개인정보 보호법 제15조 제1항 제4호)",
  en: "Performance of the contract (PIPA art. 15(1)4; GDPR art. 6(1)(b))",
};
const COMMERCE_ACT: Localized = {
  ko: "전자상거래 등에서의 소비자보호에 관한 법률 (대금결제 및 재화 등의 공급에 관한 기록 5년)",
  en: "Act on Consumer Protection in Electronic Commerce (payment and supply records, 5 years)",
};
const ERASE: Localized = {
  ko: "복구할 수 없는 방법으로 영구 삭제",
  en: "Permanently deleted so that it cannot be recovered",
};

/**
 * The live-ledger rule. A points account's balance is the sum of its entries, and the
 * paid points in it must be covered by purchases not refunded (verify-ledger.ts): so
 * while the account is open, even its oldest entries, orders and refunds are what the
 * balance and the refundable points rest on, and deleting them alone would break that
 * proof. They are kept while the account is open and swept together, the account first,
 * once it is closed: no movement for 5 years, and no points left or the member gone.
 */
const POINTS_HISTORY_DISPOSAL: Localized = {
  ko: "복구할 수 없는 방법으로 영구 삭제. 포인트 잔액, 거래 내역, 주문, 환불 기록은 회원별로 함께 삭제합니다: 각 기록의 보관 기간이 지나고, 포인트 계정의 마지막 거래 후 5년이 지났으며, 남은 포인트가 없거나 탈퇴한 경우입니다. 계정을 계속 쓰는 동안에는 오래된 기록도 잔액과 환불할 수 있는 포인트의 근거이므로 보관합니다",
  en: "Permanently deleted so that it cannot be recovered. A member's points balance, ledger, orders and refunds are deleted together: once each record's period is over, the points account has not moved for 5 years, and it holds no points or the member has left. While the account is in use, even old records are kept, since the balance and the refundable points rest on them",
};

const cloud: ProcessorId = "google-cloud";

/** A collection's handle, with the inventory entry that declares it. */
export interface InventoriedCollection<T extends StoredRecord<T>> extends Collection<T> {
  readonly kind: DataKind;
}

/** A description of each field of T in both languages: exactly its fields, none missing, none extra. */
type LocalizedFieldDescriptions<T> = { readonly [K in keyof FieldDescriptions<T>]: Localized };

/** A database kind with a period names the field the sweeper queries: one of the record's own. */
type DatabaseRetention<T> =
  | { kind: "until-withdrawal" }
  | (RetentionPeriod & { sweptBy: SweptBy<keyof T & string> })
  | { kind: "until-delivered" };

type DatabaseKindSpec<T> = Omit<DataKind, "store" | "fields" | "retention"> & {
  collection: string;
  fields: LocalizedFieldDescriptions<T>;
  retention: DatabaseRetention<T>;
};

/** The handle's own descriptions, in English, the language of the code. */
function inEnglish<T>(fields: LocalizedFieldDescriptions<T>): FieldDescriptions<T> {
  return Object.fromEntries(
    Object.entries<Localized>(fields).map(([field, description]) => [field, description.en]),
  ) as FieldDescriptions<T>;
}

const inventoryHandles = new Set<object>();
const handlesByCollection = new Map<string, InventoriedCollection<DocumentData>>();

function inventoried<T extends StoredRecord<T>>(spec: DatabaseKindSpec<T>): InventoriedCollection<T> {
  const { collection: name, ...description } = spec;
  const collection = defineCollection<T>(name, inEnglish(spec.fields));
  const kind: DataKind = { ...description, store: { kind: "database", collection: name }, fields: spec.fields };
  const handle = Object.freeze({ ...collection, kind });
  inventoryHandles.add(handle);
  handlesByCollection.set(name, handle);
  return handle;
}

/** A declared collection's handle by name, for code that works on every kind (the retention sweeper). */
export function inventoriedCollection(name: string): InventoriedCollection<DocumentData> {
  const handle = handlesByCollection.get(name);
  if (!handle) throw new Error(`No collection "${name}" in the data inventory`);
  return handle;
}

/** Whether this handle is one of the inventory's own (not one made elsewhere under the same name). */
export function isInventoried(collection: object): boolean {
  return inventoryHandles.has(collection);
}

/** A sign-in account whose sign-up was never completed (no member record) is deleted this long after it was made. */
export const UNFINISHED_SIGN_UP_DAYS = 7;

const AUTH_ACCOUNT: DataKind = {
  id: "auth-account",
  title: { ko: "로그인 계정", en: "Sign-in account" },
  store: { kind: "auth-provider" },
  fields: {
    email: {
      ko: "이메일 주소 (로그인 아이디, 생성 결과와 계정 안내 메일)",
      en: "Email address (sign-in ID, result and account mail)",
    },
    passwordHash: {
      ko: "비밀번호 (Firebase Auth가 솔트를 더한 해시로만 저장)",
      en: "Password, stored only as a salted hash by Firebase Auth",
    },
    googleId: { ko: "구글 계정 ID (구글로 로그인하는 경우)", en: "Google account ID, when signing in with Google" },
    googleProfile: {
      ko: "구글 계정의 이름과 프로필 사진 주소 (구글로 로그인할 때 구글이 보내며, 가입 양식에 이름을 미리 채우는 데만 씁니다. 가입을 마칠 때와 그 뒤 로그인할 때마다 지웁니다)",
      en: "The Google account's name and profile picture address (sent by Google at a Google sign-in and used only to fill in the sign-up form's name; removed when sign-up is completed and at every later sign-in)",
    },
    emailVerified: { ko: "이메일 주소 인증 여부", en: "Whether the address was confirmed" },
  },
  purpose: { ko: "회원 식별, 로그인, 계정 관련 안내", en: "Identifying members, signing in, account notices" },
  legalBasis: CONTRACT_BASIS,
  retention: { kind: "until-withdrawal" },
  onWithdrawal: "delete",
  disposal: {
    ko: `${ERASE.ko}. 가입을 마치지 않은 계정(로그인 계정만 만들고 회원 정보를 입력하지 않은 경우)과 만 14세 미만이라 가입을 거절한 계정은 ${UNFINISHED_SIGN_UP_DAYS}일 안에 삭제 (만 14세 미만은 거절하는 즉시)`,
    en: `${ERASE.en}. An account whose sign-up was never completed (signed in, no member details given) is deleted ${UNFINISHED_SIGN_UP_DAYS} days after it was made; one refused as under 14 at once`,
  },
  processors: [cloud],
};

export const MEMBERS = inventoried<Member>({
  id: "member-profile",
  collection: "members",
  title: { ko: "회원 정보", en: "Member profile" },
  fields: {
    name: { ko: "가입할 때 입력한 이름", en: "Name given at sign-up" },
    ageConfirmedAt: { ko: "만 14세 이상임을 확인한 시각", en: "When the member confirmed being 14 or older" },
    marketingOptIn: { ko: "현재 마케팅 수신 동의 여부 (옵트인)", en: "Current marketing consent (opt-in)" },
    locale: {
      ko: "회원에게 보내는 메일의 언어 (ko 또는 en): 회원이 고른 언어, 고르지 않았으면 가입할 때 쓴 언어",
      en: "Language of the member's mail (ko or en): the one chosen, or the one signed up in",
    },
    timeZone: {
      ko: "메일에 시각을 표시하는 시간대 (Asia/Seoul 같은 IANA 이름)",
      en: "Time zone in which mail shows times (an IANA name such as Asia/Seoul)",
    },
    createdAt: { ko: "계정을 만든 시각", en: "When the account was created" },
    updatedAt: { ko: "마지막으로 바뀐 시각", en: "Last change" },
  },
  purpose: {
    ko: "회원 관리, 서비스 제공, 회원이 고른 언어와 시간대로 안내 메일 발송",
    en: "Managing membership, providing the service, and mailing members in their language and time zone",
  },
  legalBasis: CONTRACT_BASIS,
  retention: { kind: "until-withdrawal" },
  onWithdrawal: "delete",
  disposal: ERASE,
  processors: [cloud],
});

export const CONSENT_RECORDS = inventoried<ConsentRecord>({
  id: "consent-records",
  collection: "consentRecords",
  title: { ko: "동의 기록", en: "Consent records" },
  fields: {
    uid: { ko: "회원", en: "Member" },
    purpose: {
      ko: "이용약관, 개인정보 수집·이용, 마케팅, 쿠키(기능·성능) 중 어느 동의인지",
      en: "terms, privacy, marketing, or a cookie category (functional, performance)",
    },
    granted: { ko: "동의, 또는 거부·철회", en: "Given or refused/withdrawn" },
    policyVersion: { ko: "동의한 문서의 버전", en: "Version of the document consented to" },
    wording: { ko: "화면에 표시한 동의 문구 그대로", en: "The exact wording shown" },
    method: {
      ko: "어떻게 동의하거나 철회했는지 (회원 가입 화면, 마이페이지, 개정된 방침에 대한 로그인 후 동의 화면, 쿠키 배너 또는 쿠키 설정)",
      en: "How it was given or withdrawn (the sign-up form, My page, the consent page after sign-in for a changed policy, the cookie banner or cookie settings)",
    },
    recordedAt: { ko: "시각", en: "When" },
  },
  purpose: { ko: "동의 사실의 증명", en: "Proving what was consented to, and when" },
  legalBasis: { ko: "법적 의무 (개인정보 보호법 제22조)", en: "Legal obligation (PIPA art. 22; GDPR art. 7(1))" },
  retention: { kind: "until-withdrawal" },
  onWithdrawal: "delete",
  disposal: ERASE,
  processors: [cloud],
});

export const POINT_ACCOUNTS = inventoried<PointAccount>({
  id: "points-accounts",
  collection: "pointAccounts",
  title: { ko: "포인트 잔액", en: "Points balance" },
  fields: {
    uid: { ko: "회원", en: "Member" },
    balance: {
      ko: "쓸 수 있는 포인트 (언제나 거래 내역의 합계와 같음)",
      en: "Points available, always the sum of the ledger entries",
    },
    freeBalance: {
      ko: "잔액 가운데 보너스 포인트 (상품 보너스, 가입 환영 포인트 등 무상으로 받은 포인트: 마지막에 쓰이며 환불되지 않음)",
      en: "The bonus points in the balance (package bonus, welcome points: given free, used last, never refunded)",
    },
    entryCount: { ko: "거래 내역 수", en: "Number of ledger entries" },
    updatedAt: { ko: "마지막 거래 시각", en: "Last movement" },
  },
  purpose: { ko: "유료 서비스 이용 정산", en: "Accounting for paid use of the service" },
  legalBasis: COMMERCE_ACT,
  retention: {
    kind: "years",
    years: 5,
    from: { ko: "마지막 거래일", en: "the last movement" },
    sweptBy: { field: "updatedAt", marks: "start", keptWhilePointsAccountOpen: true },
  },
  onWithdrawal: "pseudonymise-and-keep",
  disposal: POINTS_HISTORY_DISPOSAL,
  processors: [cloud],
});

export const POINT_ENTRIES = inventoried<PointEntry>({
  id: "points-ledger",
  collection: "pointEntries",
  title: { ko: "포인트 거래 내역", en: "Points ledger" },
  fields: {
    uid: { ko: "회원", en: "Member" },
    kind: {
      ko: "구매, 예약, 반환, 환불, 조정, 가입 환영 포인트 중 어떤 거래인지",
      en: "purchase, reserve, release, refund, adjustment or welcome points",
    },
    amount: { ko: "더한 포인트(양수) 또는 뺀 포인트(음수)", en: "Points added (positive) or taken (negative)" },
    freeAmount: {
      ko: "그 가운데 보너스 포인트의 몫 (나머지는 유료 포인트)",
      en: "The part of it that moved bonus points (the rest moved paid points)",
    },
    balanceAfter: { ko: "이 거래 뒤의 잔액", en: "Balance after this entry" },
    reason: { ko: "거래 사유", en: "Why, in words" },
    reservationId: { ko: "포인트를 예약한 생성 요청", en: "The generation the points were held for" },
    orderId: { ko: "포인트 대금을 치른 주문", en: "The order that paid for the points" },
    correcting: {
      ko: "포인트 조정이 바로잡는 대상 (주문, 생성 요청 또는 거래 내역)",
      en: "What a points adjustment corrects: an order, a generation or a ledger entry",
    },
    adjustedBy: { ko: "포인트를 조정한 담당 직원", en: "The staff member who made an adjustment" },
    createdAt: { ko: "시각", en: "When" },
  },
  purpose: { ko: "대금결제 및 재화 공급 기록", en: "Records of payment and supply of goods" },
  legalBasis: COMMERCE_ACT,
  retention: {
    kind: "years",
    years: 5,
    from: { ko: "거래일", en: "the entry" },
    sweptBy: { field: "createdAt", marks: "start", keptWhilePointsAccountOpen: true },
  },
  onWithdrawal: "pseudonymise-and-keep",
  disposal: POINTS_HISTORY_DISPOSAL,
  processors: [cloud],
});

export const RESERVATIONS = inventoried<Reservation>({
  id: "points-reservations",
  collection: "reservations",
  title: { ko: "포인트 예약", en: "Points held for generations" },
  fields: {
    uid: { ko: "회원", en: "Member" },
    amount: { ko: "예약한 포인트", en: "Points held" },
    freeHeld: { ko: "그 가운데 보너스 포인트의 몫", en: "How many of them were bonus points" },
    charged: { ko: "최종 차감한 포인트", en: "Points finally charged" },
    status: { ko: "예약, 정산, 반환 중 어떤 상태인지", en: "held, settled or released" },
    createdAt: { ko: "예약한 시각", en: "When held" },
    closedAt: { ko: "정산하거나 반환한 시각", en: "When settled or released" },
  },
  purpose: { ko: "대금결제 및 재화 공급 기록", en: "Records of payment and supply of goods" },
  legalBasis: COMMERCE_ACT,
  retention: {
    kind: "years",
    years: 5,
    from: { ko: "예약 종료일", en: "closing" },
    sweptBy: { field: "closedAt", marks: "start" },
  },
  onWithdrawal: "pseudonymise-and-keep",
  disposal: ERASE,
  processors: [cloud],
});

export const ORDERS = inventoried<Order>({
  id: "orders",
  collection: "orders",
  title: { ko: "주문 및 결제 기록", en: "Orders and payments" },
  fields: {
    uid: { ko: "회원", en: "Member" },
    packageId: { ko: "구매한 포인트 상품", en: "Points package bought" },
    provider: { ko: "결제 대행사", en: "Payment provider" },
    points: { ko: "충전한 포인트 (보너스 포함)", en: "Points credited, bonus included" },
    bonusPoints: { ko: "그 가운데 보너스 포인트", en: "Of which bonus points" },
    amount: { ko: "결제 금액 (통화의 최소 단위)", en: "Price in the currency's smallest unit" },
    currency: { ko: "원화(KRW) 또는 미국 달러(USD)", en: "KRW or USD" },
    status: {
      ko: "결제 대기, 입금 대기, 결제 완료, 부분 환불, 환불, 취소, 결제 실패, 기한 만료 중 어떤 상태인지",
      en: "pending, waiting for deposit, paid, partially refunded, refunded, canceled, failed or expired",
    },
    providerPaymentId: { ko: "결제 대행사의 결제 ID", en: "The provider's payment ID" },
    providerCheckoutId: {
      ko: "결제 대행사의 결제창 ID (Stripe Checkout 세션)",
      en: "The provider's checkout ID (Stripe Checkout Session)",
    },
    createdAt: { ko: "주문한 시각", en: "When ordered" },
    expiresAt: { ko: "결제하지 않으면 주문이 만료되는 시각", en: "When the order expires if unpaid" },
    nextCheckAt: {
      ko: "결제되지 않은 주문의 결제 여부를 결제 대행사에 다시 확인할 시각",
      en: "When an unpaid order's payment is next checked with the provider",
    },
    paidAt: { ko: "결제한 시각", en: "When paid" },
    canceledAt: { ko: "취소한 시각", en: "When canceled" },
    failedAt: { ko: "결제가 실패한 시각", en: "When the payment failed" },
    receiptUrl: { ko: "결제 대행사의 영수증 주소", en: "The provider's receipt link" },
    refundedAmount: { ko: "지금까지 환불한 금액", en: "Money refunded so far" },
    refundedPoints: { ko: "환불하면서 회수한 포인트", en: "Points taken back for those refunds" },
    tossDepositSecretHash: {
      ko: "토스페이먼츠 가상계좌 입금 알림을 확인하는 값의 해시 (값 자체는 저장하지 않습니다)",
      en: "Hash of the value that authenticates Toss's virtual-account deposit callback (the value itself is not stored)",
    },
  },
  purpose: { ko: "계약 및 대금결제 기록", en: "Records of contracts and payments" },
  legalBasis: COMMERCE_ACT,
  retention: {
    kind: "years",
    years: 5,
    from: { ko: "주문일", en: "the order" },
    sweptBy: { field: "createdAt", marks: "start", keptWhilePointsAccountOpen: true },
  },
  onWithdrawal: "pseudonymise-and-keep",
  disposal: POINTS_HISTORY_DISPOSAL,
  processors: [cloud, "toss-payments", "stripe"],
});

export const REFUNDS = inventoried<Refund>({
  id: "refunds",
  collection: "refunds",
  title: { ko: "청약철회 및 환불 기록", en: "Withdrawals and refunds" },
  fields: {
    uid: { ko: "회원", en: "Member" },
    orderId: { ko: "환불하는 주문", en: "The order refunded" },
    provider: { ko: "결제 대행사", en: "Payment provider" },
    origin: {
      ko: "청약철회, 회원의 환불 요청, 결제 대행사에서 직접 한 환불, 지불 거절(차지백) 중 어떤 환불인지",
      en: "withdrawal, the member's request, a refund made at the provider, or a chargeback",
    },
    status: {
      ko: "검토 대기, 처리 중, 환불 완료, 실패, 거절, 차지백 철회 중 어떤 상태인지",
      en: "requested, processing, succeeded, failed, rejected or reversed",
    },
    amount: { ko: "환불 금액 (통화의 최소 단위)", en: "Money refunded, in the currency's smallest unit" },
    currency: { ko: "원화(KRW) 또는 미국 달러(USD)", en: "KRW or USD" },
    lotPoints: { ko: "환불 대상인 그 구매의 유료 포인트", en: "Paid points of the purchase refunded" },
    points: {
      ko: "잔액에서 회수한 포인트 (유료 포인트와 함께 회수한 보너스 포함)",
      en: "Points taken off the balance, the bonus withdrawn with them included",
    },
    pointsShortfall: {
      ko: "회수해야 했지만 이미 사용해서 회수하지 못한 포인트",
      en: "Points due back that were already spent and could not be taken",
    },
    review: {
      ko: "바로 환불하지 못하고 검토로 넘긴 이유",
      en: "Why it went to staff instead of being refunded at once",
    },
    providerRefundId: { ko: "결제 대행사의 환불 또는 지불 거절 ID", en: "The provider's refund or dispute ID" },
    failureCode: { ko: "결제 대행사가 환불을 거절한 이유 코드", en: "The provider's code when it refused" },
    decidedBy: { ko: "환불을 승인하거나 거절한 담당 직원", en: "The staff member who approved or rejected it" },
    decisionReason: { ko: "승인하거나 거절한 이유", en: "Why it was approved or rejected" },
    requestedAt: { ko: "요청한 시각", en: "When asked for" },
    decidedAt: { ko: "승인하거나 거절한 시각", en: "When approved or rejected" },
    completedAt: { ko: "환불이 끝난 시각", en: "When the money went back" },
  },
  purpose: { ko: "청약철회 및 환불 처리와 그 기록", en: "Handling withdrawals and refunds, and recording them" },
  legalBasis: {
    ko: "전자상거래 등에서의 소비자보호에 관한 법률 (계약 또는 청약철회 등에 관한 기록 5년)",
    en: "Act on Consumer Protection in Electronic Commerce (records of contracts and withdrawals, 5 years)",
  },
  retention: {
    kind: "years",
    years: 5,
    from: { ko: "요청일", en: "the request" },
    sweptBy: { field: "requestedAt", marks: "start", keptWhilePointsAccountOpen: true },
  },
  onWithdrawal: "pseudonymise-and-keep",
  disposal: POINTS_HISTORY_DISPOSAL,
  processors: [cloud, "toss-payments", "stripe"],
});

export const WELCOME_GRANTS = inventoried<WelcomeGrant>({
  id: "welcome-grants",
  collection: "welcomeGrants",
  title: { ko: "가입 환영 포인트 지급 기록", en: "Welcome points given" },
  fields: {
    grantedAt: { ko: "지급한 시각", en: "When given" },
    expiresAt: { ko: "이 기록을 지우는 시각", en: "When this record is deleted" },
  },
  purpose: {
    ko: "가입 환영 포인트를 이메일 주소 하나에 한 번만 지급 (기록의 ID는 주소의 해시이며 주소 자체는 저장하지 않음; 탈퇴 후 다시 가입해도 다시 지급하지 않기 위해 탈퇴 뒤에도 보관)",
    en: "Giving welcome points once per email address (the record's ID is a hash of the address, never the address; kept after withdrawal so that signing up again does not earn them again)",
  },
  legalBasis: {
    ko: "정당한 이익: 무상 혜택의 부정 수급 방지 (개인정보 보호법 제15조 제1항 제6호)",
    en: "Legitimate interest in preventing abuse of a free offer (PIPA art. 15(1)6; GDPR art. 6(1)(f))",
  },
  retention: {
    kind: "days",
    days: 3 * 365,
    from: { ko: "지급일", en: "the grant" },
    deletableOnRequest: false,
    sweptBy: { field: "expiresAt", marks: "end" },
  },
  onWithdrawal: "pseudonymise-and-keep",
  disposal: ERASE,
  processors: [cloud],
});

export const GENERATIONS = inventoried<GenerationJob>({
  id: "generations",
  collection: "generations",
  title: { ko: "이미지 생성 요청", en: "Image generation requests" },
  fields: {
    uid: { ko: "회원", en: "Member" },
    prompt: { ko: "회원이 입력한 글 (프롬프트)", en: "The text the member typed" },
    model: { ko: "모델", en: "Model" },
    size: { ko: "이미지 크기", en: "Image size" },
    count: { ko: "이미지 장수", en: "Number of images" },
    status: {
      ko: "대기, 진행 중, 이미지 모델의 응답 대기, 성공, 일부 성공, 실패 중 어떤 상태인지",
      en: "queued, running, waiting on the image model provider, succeeded, partial or failed",
    },
    pointsReserved: { ko: "예약한 포인트", en: "Points held" },
    pointsCharged: { ko: "차감한 포인트", en: "Points charged" },
    imageIds: { ko: "만든 이미지", en: "Images made" },
    imagesFailed: { ko: "만들지 못한 이미지", en: "Images that failed" },
    attempts: { ko: "작업 처리기가 작업을 맡은 횟수", en: "Times a worker took the job" },
    leaseOwner: { ko: "작업을 맡고 있는 작업 처리기", en: "Worker that holds the job" },
    leaseExpiresAt: { ko: "작업 처리기가 작업을 맡는 기한", en: "When the worker's hold ends" },
    errorCode: { ko: "실패한 이유", en: "Why it failed" },
    createdAt: { ko: "요청한 시각", en: "When submitted" },
    updatedAt: { ko: "마지막으로 바뀐 시각", en: "Last change" },
    predictionIds: {
      ko: "이미지마다 그 이미지를 만드는 이미지 모델 제공자의 작업 ID (회원을 알아볼 수 있는 정보는 담기지 않음)",
      en: "For each image, the image model provider's job ID making it (it carries nothing identifying the member)",
    },
    nextPollAt: {
      ko: "제공자의 완료 알림이 오지 않을 때 직접 확인할 시각",
      en: "When to ask the provider, should its completion notice not arrive",
    },
    startedAt: { ko: "작업 처리기가 처음 맡은 시각", en: "When a worker first took it" },
    cancelRequestedAt: { ko: "회원이 중단을 요청한 시각", en: "When the member asked to stop it" },
    finishedAt: { ko: "끝난 시각", en: "When done" },
    expiresAt: { ko: "요청을 삭제할 시각", en: "When the request is deleted" },
  },
  purpose: { ko: "이미지 생성 서비스 제공", en: "Generating the images asked for" },
  legalBasis: CONTRACT_BASIS,
  retention: {
    kind: "days",
    days: 90,
    from: { ko: "요청일", en: "submission" },
    deletableOnRequest: false,
    sweptBy: { field: "expiresAt", marks: "end" },
  },
  onWithdrawal: "delete",
  disposal: ERASE,
  processors: [cloud, "openai", "replicate"],
});

export const IMAGES = inventoried<ImageRecord>({
  id: "images",
  collection: "images",
  title: { ko: "생성된 이미지", en: "Generated images" },
  fields: {
    uid: { ko: "회원", en: "Member" },
    generationId: { ko: "생성 요청", en: "Generation" },
    index: { ko: "생성 요청 안에서의 순서", en: "Position in the generation" },
    prompt: { ko: "이미지를 만든 프롬프트", en: "Prompt it was made from" },
    model: { ko: "모델", en: "Model" },
    size: { ko: "이미지 크기", en: "Image size" },
    fileKey: { ko: "PNG 파일을 저장한 위치", en: "Where the PNG is stored" },
    thumbnails: {
      ko: "WebP 미리보기 이미지들을 저장한 위치와 크기",
      en: "Where the WebP thumbnails are stored, and their sizes",
    },
    bytes: { ko: "PNG 파일 크기", en: "PNG size" },
    createdAt: { ko: "만든 시각", en: "When made" },
    expiresAt: { ko: "삭제할 시각 (만든 지 90일 뒤)", en: "When it is deleted (90 days after creation)" },
  },
  purpose: { ko: "생성 결과 보관 및 제공", en: "Keeping and showing the member's results" },
  legalBasis: CONTRACT_BASIS,
  retention: {
    kind: "days",
    days: 90,
    from: { ko: "생성일", en: "creation" },
    deletableOnRequest: true,
    sweptBy: { field: "expiresAt", marks: "end" },
  },
  onWithdrawal: "delete",
  disposal: ERASE,
  processors: [cloud],
});

const IMAGE_FILES: DataKind = {
  id: "image-files",
  title: { ko: "이미지 파일", en: "Image files" },
  store: { kind: "blob-storage", prefix: "images/" },
  fields: {
    original: { ko: "생성된 그대로의 PNG 파일", en: "PNG as generated" },
    thumbnail: { ko: "WebP 미리보기 이미지", en: "WebP thumbnail" },
  },
  purpose: { ko: "생성 결과 보관 및 제공", en: "Keeping and showing the member's results" },
  legalBasis: CONTRACT_BASIS,
  retention: { kind: "days", days: 90, from: { ko: "생성일", en: "creation" }, deletableOnRequest: true },
  onWithdrawal: "delete",
  disposal: ERASE,
  processors: [cloud],
};

export const IDEMPOTENCY_KEYS = inventoried<IdempotencyKeyRecord>({
  id: "idempotency-keys",
  collection: "idempotencyKeys",
  title: { ko: "중복 요청 방지 키", en: "Duplicate-request keys" },
  fields: {
    uid: { ko: "회원", en: "Member" },
    scope: { ko: "어떤 작업의 요청인지", en: "Which operation" },
    requestHash: { ko: "요청 내용의 해시", en: "Hash of the request body" },
    resultId: { ko: "첫 요청으로 만들어진 것", en: "What the first request made" },
    createdAt: { ko: "처음 쓴 시각", en: "When first used" },
    expiresAt: { ko: "삭제할 시각", en: "When forgotten" },
  },
  purpose: { ko: "중복 결제·차감 방지", en: "Preventing double charges on retried requests" },
  legalBasis: CONTRACT_BASIS,
  retention: {
    kind: "days",
    days: 7,
    from: { ko: "최초 사용일", en: "first use" },
    deletableOnRequest: false,
    sweptBy: { field: "expiresAt", marks: "end" },
  },
  onWithdrawal: "delete",
  disposal: ERASE,
  processors: [cloud],
});

export const RATE_LIMITS = inventoried<RateLimitCounter>({
  id: "rate-limits",
  collection: "rateLimits",
  title: { ko: "요청 횟수 제한 기록", en: "Request limits" },
  fields: {
    bucket: {
      ko: "어떤 동작을 무엇을 기준으로 제한하거나 세는지 (비밀번호 재설정은 이메일 주소별 또는 클라이언트별, 인증 메일은 계정별 또는 클라이언트별, 거절된 프롬프트는 계정별, 직원 로그인과 인증 코드 입력은 클라이언트별 또는 직원 계정별)",
      en: "Which action is limited or counted, and by what (password reset per email address or per client, confirmation mail per account or per client, refused prompts per account, staff sign-in and code attempts per client or per staff account)",
    },
    count: {
      ko: "현재 집계 기간의 사용 횟수. 문서 ID는 이메일 주소, 계정 또는 클라이언트 IP 주소(IPv6는 /64 네트워크 단위)의 해시이며, 주소 자체는 저장하지 않습니다",
      en: "Uses in the current window. The document id is a hash of the email address, the account or the client's IP address (an IPv6 client by its /64 network), never the address itself",
    },
    windowStartsAt: { ko: "집계 기간이 시작된 시각", en: "When the window began" },
    expiresAt: { ko: "기록을 삭제할 시각", en: "When the record is deleted" },
  },
  purpose: { ko: "메일 폭주 등 서비스 악용 방지", en: "Preventing abuse such as mail flooding" },
  legalBasis: {
    ko: "정당한 이익 (서비스 보안)",
    en: "Legitimate interest in the security of the service (GDPR art. 6(1)(f))",
  },
  retention: {
    kind: "days",
    days: 1,
    from: { ko: "집계 시작 시점", en: "the start of the window" },
    deletableOnRequest: false,
    sweptBy: { field: "expiresAt", marks: "end" },
  },
  onWithdrawal: "delete",
  disposal: ERASE,
  processors: [cloud],
});

export const ABUSE_RECORDS = inventoried<AbuseRecord>({
  id: "abuse-records",
  collection: "abuseRecords",
  title: { ko: "부정 이용 기록", en: "Abuse records" },
  fields: {
    uid: { ko: "회원", en: "Member" },
    kind: {
      ko: "어떤 부정 이용인지 (짧은 시간에 프롬프트가 여러 번 거절됨)",
      en: "What kind of abuse (prompts refused repeatedly within a short time)",
    },
    promptHash: {
      ko: "거절된 프롬프트의 해시 (프롬프트 자체는 저장하지 않음)",
      en: "Hash of the refused prompt (the prompt itself is not kept)",
    },
    categories: {
      ko: "거절한 이유의 분류 (예: 폭력, 성적인 내용)",
      en: "Why it was refused (e.g. violence, sexual content)",
    },
    source: {
      ko: "판단한 곳 (OpenAI 검사 또는 로컬 규칙)",
      en: "What judged it (OpenAI moderation or the local rules)",
    },
    refusalsInWindow: { ko: "집계 기간 안에 거절된 횟수", en: "Refusals within the counting window" },
    createdAt: { ko: "기록한 시각", en: "When recorded" },
    expiresAt: { ko: "삭제할 시각 (기록한 지 1년 뒤)", en: "When it is deleted (1 year after recording)" },
  },
  purpose: {
    ko: "금지된 이미지를 반복해 요청하는 등 서비스 악용 방지",
    en: "Preventing abuse such as repeatedly asking for forbidden images",
  },
  legalBasis: {
    ko: "정당한 이익 (서비스의 안전한 운영, 내부 방침에 따라 1년 보관)",
    en: "Legitimate interest in running the service safely (GDPR art. 6(1)(f)); kept 1 year by internal policy",
  },
  retention: {
    kind: "years",
    years: 1,
    from: { ko: "기록일", en: "recording" },
    sweptBy: { field: "expiresAt", marks: "end" },
  },
  onWithdrawal: "pseudonymise-and-keep",
  disposal: ERASE,
  processors: [cloud],
});

export const MAIL_OUTBOX = inventoried<OutboxItem>({
  id: "mail-outbox",
  collection: "mailOutbox",
  title: { ko: "발송 대기 메일", en: "Mail waiting to be sent" },
  fields: {
    uid: { ko: "받는 회원 (주소는 보낼 때 조회)", en: "Recipient member (the address is looked up when sending)" },
    email: {
      ko: "비밀번호 재설정 메일에만 있음: 양식에 입력한 주소로, 어느 계정의 주소도 아닐 수 있습니다. 메일을 보내거나, 해당 계정이 없어 버리거나, 마지막 시도 뒤에 포기하면 항목과 함께 삭제합니다",
      en: "For a password reset only: the address typed into the form, which may belong to no account; deleted with the item once the mail is sent, dropped (no such account) or given up after the last attempt",
    },
    locale: {
      ko: "비밀번호 재설정 메일에만 있음: 요청한 페이지의 언어로, 그 주소의 회원 정보가 없을 때 씁니다",
      en: "For a password reset only: the language of the page it was asked from, used when the address has no member record",
    },
    template: { ko: "어떤 메일인지", en: "Which mail" },
    refId: { ko: "메일이 다루는 대상", en: "What it is about" },
    attempts: { ko: "발송 시도 횟수", en: "Send attempts" },
    createdAt: { ko: "발송 대기열에 넣은 시각", en: "When queued" },
    nextAttemptAt: { ko: "다시 시도할 시각", en: "When to try again" },
  },
  purpose: {
    ko: "생성 결과 안내 및 비밀번호 재설정 메일 발송",
    en: "Sending result mail and password-reset links",
  },
  legalBasis: CONTRACT_BASIS,
  retention: { kind: "until-delivered" },
  onWithdrawal: "delete",
  disposal: ERASE,
  processors: [cloud, "sendgrid"],
});

export const WEBHOOK_DELIVERIES = inventoried<WebhookDelivery>({
  id: "webhook-deliveries",
  collection: "webhookDeliveries",
  title: { ko: "처리한 웹훅 기록", en: "Webhook deliveries handled" },
  fields: {
    provider: { ko: "웹훅을 보낸 외부 서비스", en: "The provider that sent it" },
    receivedAt: {
      ko: "받은 시각. 문서 ID는 제공자가 붙인 전달 ID의 해시이며, 본문은 저장하지 않습니다",
      en: "When received. The document id is a hash of the provider's delivery id; the body is not stored",
    },
    expiresAt: { ko: "기록을 삭제할 시각", en: "When the record is deleted" },
  },
  purpose: {
    ko: "같은 웹훅을 다시 보내 결과를 바꾸는 재전송 공격 방지",
    en: "Preventing a replayed webhook from changing anything",
  },
  legalBasis: {
    ko: "정당한 이익 (서비스 보안)",
    en: "Legitimate interest in the security of the service (GDPR art. 6(1)(f))",
  },
  retention: {
    kind: "days",
    days: 1,
    from: { ko: "받은 때", en: "receipt" },
    deletableOnRequest: false,
    sweptBy: { field: "expiresAt", marks: "end" },
  },
  onWithdrawal: "delete",
  disposal: ERASE,
  processors: [cloud],
});

export const MAIL_SUPPRESSIONS = inventoried<MailSuppression>({
  id: "mail-suppressions",
  collection: "mailSuppressions",
  title: { ko: "메일 발송 중지 주소", en: "Addresses we stop mailing" },
  fields: {
    reason: {
      ko: "메일이 반송되었는지, 발송 대행사가 발송하지 않았는지, 받는 사람이 스팸으로 신고했는지. 문서 ID는 이메일 주소의 해시이며, 주소 자체는 저장하지 않습니다",
      en: "Whether mail bounced, was dropped by the mail provider, or was reported as spam. The document id is a hash of the email address, never the address itself",
    },
    suppressedAt: { ko: "마지막으로 알려진 시각", en: "When last reported" },
    expiresAt: { ko: "기록을 삭제할 시각", en: "When the record is deleted" },
  },
  purpose: {
    ko: "반송되거나 스팸으로 신고된 주소로 메일을 계속 보내지 않기 위해 (주소를 다시 인증하면 삭제)",
    en: "Not mailing an address again after it bounced or reported spam (deleted once the address is confirmed again)",
  },
  legalBasis: {
    ko: "정당한 이익 (받는 사람의 의사 존중과 메일 발송 신뢰도 유지)",
    en: "Legitimate interest in respecting recipients and keeping mail deliverable (GDPR art. 6(1)(f))",
  },
  retention: {
    kind: "days",
    days: 365,
    from: { ko: "마지막 반송 또는 신고", en: "the last bounce or report" },
    deletableOnRequest: false,
    sweptBy: { field: "expiresAt", marks: "end" },
  },
  onWithdrawal: "delete",
  disposal: ERASE,
  processors: [cloud, "sendgrid"],
});

export const MAIL_PROVIDER_EVENTS = inventoried<MailProviderEvent>({
  id: "mail-provider-events",
  collection: "mailProviderEvents",
  title: { ko: "처리한 메일 발송 알림", en: "Mail provider reports handled" },
  fields: {
    receivedAt: {
      ko: "반송·스팸 신고 알림을 처리한 시각. 문서 ID는 발송 대행사의 알림 ID로, 같은 알림을 두 번 처리하지 않기 위해서만 씁니다",
      en: "When a bounce or spam report was handled. The document id is the provider's event id, used only to handle each report once",
    },
    expiresAt: { ko: "기록을 삭제할 시각", en: "When the record is deleted" },
  },
  purpose: { ko: "같은 알림의 중복 처리 방지", en: "Handling each report once when it is delivered again" },
  legalBasis: {
    ko: "정당한 이익 (서비스 운영)",
    en: "Legitimate interest in running the service (GDPR art. 6(1)(f))",
  },
  retention: {
    kind: "days",
    days: 3,
    from: { ko: "처리일", en: "handling" },
    deletableOnRequest: false,
    sweptBy: { field: "expiresAt", marks: "end" },
  },
  onWithdrawal: "delete",
  disposal: ERASE,
  processors: [cloud],
});

// --- Records the law requires: access and display (retention, issue 9) -----------------

export const ACCESS_RECORDS = inventoried<AccessRecord>({
  id: "access-records",
  collection: "accessRecords",
  title: { ko: "접속 기록", en: "Access records" },
  fields: {
    uid: { ko: "회원", en: "Member" },
    event: {
      ko: "로그인인지, 로그인한 상태로 서비스를 이용한 것인지 (이용은 세션마다 한 시간에 한 번만 기록)",
      en: "A sign-in, or use of the service while signed in (recorded at most once an hour per session)",
    },
    client: {
      ko: "접속한 IP 주소 (IPv6는 /64 네트워크 단위; 앞단 프록시를 알 수 없는 로컬 환경에서는 기록하지 않음)",
      en: "The IP address connected from (an IPv6 client by its /64 network; not known, so not recorded, locally)",
    },
    userAgent: {
      ko: "접속한 기기와 브라우저 (브라우저가 보낸 User-Agent, 앞 256자)",
      en: "The device and browser (the User-Agent the browser sent, its first 256 characters)",
    },
    occurredAt: { ko: "접속한 시각", en: "When" },
  },
  purpose: {
    ko: "부정 로그인 확인과 수사기관의 적법한 요청에 대한 대응",
    en: "Detecting unauthorised sign-ins, and answering lawful requests from investigating authorities",
  },
  legalBasis: {
    ko: "통신비밀보호법 (로그 기록 자료 3개월)",
    en: "Protection of Communications Secrets Act (log records, 3 months)",
  },
  retention: {
    kind: "months",
    months: 3,
    from: { ko: "접속일", en: "the access" },
    sweptBy: { field: "occurredAt", marks: "start" },
  },
  onWithdrawal: "pseudonymise-and-keep",
  disposal: ERASE,
  processors: [cloud],
});

// --- The staff access log (issue 10) ---------------------------------------------------

/**
 * 개인정보의 안전성 확보조치 기준 art. 8: a personal-information handler keeps the
 * records of its staff's access to personal data at least 1 year, and 2 years when it
 * holds that of 50,000 or more people or sensitive data. The larger period, for the service
 * we mean to be.
 */
export const STAFF_ACCESS_LOG_YEARS = 2;

const STAFF_ACCESS_BASIS: Localized = {
  ko: "법적 의무의 이행 (개인정보 보호법 제29조, 개인정보의 안전성 확보조치 기준 제8조: 개인정보취급자의 접속기록 보관 및 점검)",
  en: "Legal obligation (PIPA art. 29; Standards for Personal Information Security Measures art. 8: keeping and checking staff access records)",
};

export const STAFF_ACCESS_LOG = inventoried<StaffAccessEntry>({
  id: "staff-access-log",
  collection: "staffAccessLog",
  title: { ko: "직원의 개인정보 처리 기록", en: "Staff access log" },
  fields: {
    seq: { ko: "기록의 일련번호", en: "The entry's sequence number" },
    at: { ko: "처리한 시각", en: "When" },
    staffUid: { ko: "처리한 직원", en: "The staff member who acted" },
    role: { ko: "직원의 권한 (상담 또는 관리자)", en: "The staff member's role (support or admin)" },
    action: {
      ko: "한 일 (회원 조회, 환불 승인 등)",
      en: "What was done (a member looked up, a refund approved, …)",
    },
    memberUid: { ko: "정보를 조회하거나 처리한 회원", en: "The member whose data was seen or changed" },
    reason: { ko: "직원이 밝힌 조회 사유", en: "The reason the staff member gave" },
    client: {
      ko: "직원이 접속한 IP 주소 (IPv6는 /64 네트워크 단위)",
      en: "The IP address the staff member connected from (an IPv6 client by its /64 network)",
    },
    outcome: { ko: "허용, 거부 또는 실패", en: "Allowed, refused or failed" },
    prevAt: {
      ko: "바로 앞 기록의 시각 (만료된 기록만 삭제되었음을 확인하기 위한 값)",
      en: "When the previous entry was written (so that only expired entries can be shown removed)",
    },
    prevHash: {
      ko: "바로 앞 기록의 해시 (기록의 위조나 삭제를 확인하기 위한 값)",
      en: "The previous entry's hash (so that a changed or removed entry is detected)",
    },
    hash: { ko: "이 기록의 해시", en: "This entry's hash" },
  },
  purpose: {
    ko: "직원이 회원의 개인정보를 언제, 왜, 어떻게 처리했는지 확인하고 오남용을 막기 위해",
    en: "Showing when, why and how staff handled a member's personal data, and preventing its misuse",
  },
  legalBasis: STAFF_ACCESS_BASIS,
  retention: {
    kind: "years",
    years: STAFF_ACCESS_LOG_YEARS,
    from: { ko: "처리한 때", en: "the access" },
    sweptBy: { field: "at", marks: "start" },
  },
  // Kept as written: the chain's hashes cover every field, and once the account is gone the member's id names no one.
  onWithdrawal: "pseudonymise-and-keep",
  disposal: {
    ko: `${ERASE.ko}. 가장 오래된 기록부터 삭제하고, 마지막으로 삭제한 기록의 해시를 남겨 나머지 기록이 그대로임을 계속 증명합니다`,
    en: `${ERASE.en}. The oldest entries go first, and the hash of the last one removed is kept, so the rest can still be proven unaltered`,
  },
  processors: [cloud],
});

export const STAFF_ACCESS_CHAIN = inventoried<StaffAccessChainHead>({
  id: "staff-access-chain",
  collection: "staffAccessChain",
  title: { ko: "직원의 개인정보 처리 기록의 연결 정보", en: "Staff access log chain" },
  fields: {
    seq: { ko: "가장 최근 기록의 일련번호", en: "The latest entry's sequence number" },
    hash: { ko: "가장 최근 기록의 해시", en: "The latest entry's hash" },
    at: { ko: "가장 최근 기록의 시각", en: "The latest entry's time" },
    checkpointSeq: {
      ko: "보관 기간이 지나 마지막으로 삭제한 기록의 일련번호",
      en: "The sequence number of the last entry removed when its period ended",
    },
    checkpointHash: { ko: "그 기록의 해시", en: "That entry's hash" },
  },
  purpose: STAFF_ACCESS_LOG.kind.purpose,
  legalBasis: STAFF_ACCESS_BASIS,
  // Dated by the latest entry: it goes only with the last of them, never before.
  retention: {
    kind: "years",
    years: STAFF_ACCESS_LOG_YEARS,
    from: { ko: "가장 최근 기록의 처리 시각", en: "the latest entry's access" },
    sweptBy: { field: "at", marks: "start" },
  },
  onWithdrawal: "pseudonymise-and-keep",
  disposal: ERASE,
  processors: [cloud],
});

export const STAFF_SESSIONS = inventoried<StaffSession>({
  id: "staff-sessions",
  collection: "staffSessions",
  title: { ko: "직원 로그인 세션", en: "Staff sessions" },
  fields: {
    staffUid: { ko: "로그인한 직원", en: "The staff member signed in" },
    role: { ko: "직원의 권한", en: "The staff member's role" },
    stage: {
      ko: "2단계 인증을 마쳤는지 여부",
      en: "Whether the second factor was given",
    },
    createdAt: { ko: "로그인한 시각", en: "When the staff member signed in" },
    lastSeenAt: {
      ko: "마지막으로 사용한 시각 (30분 동안 쓰지 않으면 종료)",
      en: "Last used (ends after 30 minutes unused)",
    },
    expiresAt: { ko: "세션이 끝나는 시각 (로그인 후 8시간)", en: "When the session ends (8 hours after sign-in)" },
  },
  purpose: {
    ko: "직원만 관리 화면을 쓰도록 로그인 상태 유지",
    en: "Keeping staff signed in to the console, and no one else",
  },
  legalBasis: STAFF_ACCESS_BASIS,
  retention: {
    kind: "days",
    days: 1,
    from: {
      ko: "로그인한 때 (세션이 끝나면 삭제하고, 로그아웃하면 즉시 삭제)",
      en: "sign-in (deleted when the session ends, at once on sign-out)",
    },
    deletableOnRequest: false,
    sweptBy: { field: "expiresAt", marks: "end" },
  },
  onWithdrawal: "delete",
  disposal: ERASE,
  processors: [cloud],
});

export const STAFF_SECOND_FACTORS = inventoried<StaffSecondFactor>({
  id: "staff-second-factors",
  collection: "staffSecondFactors",
  title: { ko: "직원 2단계 인증 정보", en: "Staff second factors" },
  fields: {
    staffUid: { ko: "직원", en: "The staff member" },
    secret: {
      ko: "인증 앱의 비밀 키 (데이터와 따로 보관하는 키로 암호화)",
      en: "The authenticator app's secret (encrypted with a key kept apart from the data)",
    },
    enrolledAt: { ko: "등록을 마친 시각", en: "When enrolment was completed" },
    lastTimeStep: {
      ko: "마지막으로 사용한 인증 코드의 시간 구간 (같은 코드의 재사용을 막기 위해)",
      en: "The time step of the last code used (so that no code is used twice)",
    },
    recoveryCodeHashes: {
      ko: "아직 사용하지 않은 복구 코드의 해시 (코드 자체는 저장하지 않음)",
      en: "Hashes of the recovery codes not yet used (never the codes)",
    },
    updatedAt: { ko: "마지막으로 바뀐 시각", en: "Last changed" },
  },
  purpose: {
    ko: "직원 로그인의 2단계 인증 (개인정보의 안전성 확보조치 기준 제5조)",
    en: "The second factor of staff sign-in (Standards for Personal Information Security Measures art. 5)",
  },
  legalBasis: STAFF_ACCESS_BASIS,
  retention: { kind: "until-withdrawal" },
  onWithdrawal: "delete",
  disposal: {
    ko: `${ERASE.ko}. 직원 권한을 없앨 때 함께 삭제`,
    en: `${ERASE.en}. Deleted when the staff role is taken away`,
  },
  processors: [cloud],
});

// --- Withdrawal (회원 탈퇴) and the legal-hold store ---------------------------------

export const WITHDRAWALS = inventoried<Withdrawal>({
  id: "withdrawals",
  collection: "withdrawals",
  title: { ko: "회원 탈퇴 처리 기록", en: "Account closures" },
  fields: {
    uid: {
      ko: "탈퇴하는 회원 (탈퇴 처리가 끝나면 지움; 문서 ID는 법정 보관 기록과 같은 가명 처리 값)",
      en: "The member leaving (erased once the closure is done; the document id is the same pseudonym as in the legal hold)",
    },
    status: { ko: "처리 중 또는 완료", en: "Running or done" },
    step: { ko: "다음에 할 처리 단계", en: "The next step to do" },
    pointsLapsed: { ko: "탈퇴로 소멸한 포인트", en: "Points that lapsed on leaving" },
    requestedAt: { ko: "탈퇴를 요청한 시각", en: "When asked for" },
    completedAt: { ko: "탈퇴 처리가 끝난 시각", en: "When done" },
    expiresAt: {
      ko: "이 기록을 삭제할 시각 (처리가 끝난 지 1년 뒤)",
      en: "When this record is deleted (1 year after)",
    },
  },
  purpose: {
    ko: "탈퇴를 중간에 끊기지 않고 끝까지 처리하고, 탈퇴 요청을 처리했음을 증명",
    en: "Finishing every closure even after a crash, and proving the request was carried out",
  },
  legalBasis: {
    ko: "법적 의무 (개인정보 보호법 제21조: 파기)",
    en: "Legal obligation (PIPA art. 21, destruction; GDPR art. 17 and 5(2))",
  },
  retention: {
    kind: "days",
    days: 365,
    from: { ko: "탈퇴 처리 완료일", en: "the closure" },
    deletableOnRequest: false,
    sweptBy: { field: "expiresAt", marks: "end" },
  },
  onWithdrawal: "delete",
  disposal: ERASE,
  processors: [cloud],
});

export const LEGAL_HOLD = inventoried<LegalHoldRecord>({
  id: "legal-hold",
  collection: "legalHold",
  title: { ko: "법령에 따라 분리 보관하는 기록", en: "Records kept apart because the law requires it" },
  fields: {
    kind: { ko: "어떤 기록인지 (주문, 환불, 포인트 내역 등)", en: "Which kind of record (order, refund, ledger, …)" },
    subject: {
      ko: "회원 ID 대신 넣은 가명 (데이터와 따로 보관하는 키로 만든 HMAC-SHA256 값)",
      en: "The pseudonym that replaced the member's ID (an HMAC-SHA256 under a key kept apart from the data)",
    },
    originalId: { ko: "원래 기록 ID의 가명", en: "The pseudonym of the original record's ID" },
    record: {
      ko: "원래 기록의 내용 (회원 ID는 가명으로 바뀜)",
      en: "The original record, its member ID replaced by the pseudonym",
    },
    heldAt: { ko: "분리 보관을 시작한 시각", en: "When it was moved here" },
    holdUntil: {
      ko: "보관 기간이 끝나 삭제할 시각 (원래 기록의 보관 기간)",
      en: "When its period ends and it is deleted (the original record's own period)",
    },
  },
  purpose: {
    ko: "탈퇴한 회원의 기록 가운데 법령이 보관을 요구하는 것만 보관 기간 동안 분리 보관",
    en: "Keeping, apart and for their legal period only, the records of a former member the law requires",
  },
  legalBasis: {
    ko: "법적 의무 (전자상거래법: 계약·결제·청약철회 기록 5년; 개인정보 보호법 제21조 제3항: 분리 보관)",
    en: "Legal obligation (e-commerce act: contracts, payments, withdrawals 5 years; PIPA art. 21(3): kept apart)",
  },
  retention: {
    kind: "years",
    years: 5,
    from: {
      ko: "원래 기록의 보관 기간 시작일 (부정 이용 기록은 1년, 접속 기록은 3개월)",
      en: "the original record's own start (abuse records: 1 year; access records: 3 months)",
    },
    sweptBy: { field: "holdUntil", marks: "end" },
  },
  onWithdrawal: "pseudonymise-and-keep",
  disposal: ERASE,
  processors: [cloud],
});

export const DISPLAY_RECORDS = inventoried<DisplayRecord>({
  id: "display-records",
  collection: "displayRecords",
  title: { ko: "표시·광고 기록", en: "Records of prices and offers shown" },
  fields: {
    surface: {
      ko: "가격을 보여 준 곳 (첫 화면, 포인트 충전 화면, 상품 목록 API)",
      en: "Where prices were shown (the home page, the points page, the catalog API)",
    },
    day: {
      ko: "보여 준 날 (한국 시간). 같은 날 같은 곳에서 같은 가격은 한 번만 기록하며, 누가 보았는지는 기록하지 않습니다",
      en: "The day shown (Korea time). The same prices on the same surface are recorded once a day, never who saw them",
    },
    offerHash: {
      ko: "보여 준 가격표의 해시 (가격표의 판을 구별)",
      en: "Hash of the price table shown (tells its versions apart)",
    },
    packages: { ko: "보여 준 포인트 상품과 가격, 보너스", en: "The points packages shown, their prices and bonus" },
    models: { ko: "보여 준 모델별 이미지 한 장의 포인트", en: "The points per image shown for each model" },
    firstShownAt: { ko: "그날 처음 보여 준 시각", en: "When first shown that day" },
  },
  purpose: {
    ko: "어떤 가격과 혜택을 언제 표시했는지의 증명",
    en: "Proving which prices and offers were shown, and when",
  },
  legalBasis: {
    ko: "전자상거래 등에서의 소비자보호에 관한 법률 (표시·광고에 관한 기록 6개월)",
    en: "Act on Consumer Protection in Electronic Commerce (records of display and advertising, 6 months)",
  },
  retention: {
    kind: "months",
    months: 6,
    from: { ko: "표시일", en: "the day shown" },
    sweptBy: { field: "firstShownAt", marks: "start" },
  },
  onWithdrawal: "delete",
  disposal: ERASE,
  processors: [cloud],
});

/**
 * Complaints (소비자의 불만 또는 분쟁처리에 관한 기록): 3 years under the e-commerce act.
 * The privacy-request queue (`privacyRequests`) takes it, counted from each request's
 * closing; an open request is kept until it is closed.
 */
export const COMPLAINT_RETENTION = {
  kind: "years",
  years: 3,
  from: { ko: "처리 완료일", en: "the request's closing" },
} as const satisfies Retention;

// --- My page: restrictions of processing and privacy requests ---

export const PROCESSING_RESTRICTIONS = inventoried<ProcessingRestriction>({
  id: "processing-restrictions",
  collection: "processingRestrictions",
  title: { ko: "처리 정지 및 거부 기록", en: "Restrictions of and objections to processing" },
  fields: {
    uid: { ko: "회원", en: "Member" },
    kind: {
      ko: "처리 정지, 마케팅 거부, 정정 요청 중인 정보 가운데 무엇인지",
      en: "Restriction, objection to marketing, or data disputed while a correction is pending",
    },
    dataKind: { ko: "정정을 요청한 정보의 종류", en: "Which kind of data the correction is about" },
    requestId: { ko: "정정 요청", en: "The correction request" },
    startedAt: { ko: "요청한 시각", en: "When asked for" },
    liftedAt: { ko: "해제한 시각", en: "When lifted" },
  },
  purpose: {
    ko: "회원이 요청한 처리 정지와 거부를 지키고 그 사실을 증명",
    en: "Honouring the restrictions and objections the member asked for, and proving it",
  },
  legalBasis: {
    ko: "법적 의무 (개인정보 보호법 제36조, 제37조)",
    en: "Legal obligation (PIPA arts. 36 and 37; GDPR arts. 18 and 21)",
  },
  // One in force is kept (its `liftedAt` is empty); a lifted one proves for as long as the
  // request behind it may be disputed, as a complaint record is.
  retention: {
    kind: "years",
    years: 3,
    from: { ko: "해제한 날 (해제하기 전까지는 계속 보관)", en: "its lifting (kept while in force)" },
    sweptBy: { field: "liftedAt", marks: "start" },
  },
  onWithdrawal: "delete",
  disposal: ERASE,
  processors: [cloud],
});

export const PRIVACY_REQUESTS = inventoried<PrivacyRequest>({
  id: "privacy-requests",
  collection: "privacyRequests",
  title: { ko: "개인정보 관련 요청", en: "Privacy requests" },
  fields: {
    uid: { ko: "요청과 관련된 회원", en: "The member it concerns" },
    kind: {
      ko: "열람, 정정, 삭제, 처리 정지, 거부, 전송, 동의 철회, 기타 가운데 무엇인지",
      en: "Access, correction, deletion, restriction, objection, portability, consent withdrawal or other",
    },
    channel: {
      ko: "받은 경로 (마이페이지, 이메일, 우편, 전화, 방문)",
      en: "How it came (My page, email, post, phone, in person)",
    },
    dataKind: { ko: "정정을 요청한 정보의 종류", en: "Which kind of data a correction is about" },
    details: { ko: "요청 내용", en: "What was asked" },
    requesterName: { ko: "요청한 사람의 이름 (마이페이지 밖에서 받은 경우)", en: "Requester's name (outside My page)" },
    requesterContact: {
      ko: "답변을 받을 연락처 (마이페이지 밖에서 받은 경우)",
      en: "Where to answer (outside My page)",
    },
    agentName: {
      ko: "위임장을 가진 대리인의 이름 (대리인이 요청한 경우)",
      en: "The agent's name, when an agent with a power of attorney asked",
    },
    agentCheck: {
      ko: "대리인의 위임장 확인 결과 (확인 전, 확인, 거부)",
      en: "Whether the agent's power of attorney was checked: pending, verified or refused",
    },
    agentDocument: {
      ko: "확인한 서류 (위임장, 본인의 신분증 사본 등)",
      en: "The documents checked (the power of attorney, the principal's ID)",
    },
    agentRefusalReason: { ko: "위임을 인정하지 않은 이유", en: "Why the power of attorney was refused" },
    agentCheckedBy: { ko: "위임장을 확인한 담당 직원", en: "The staff member who checked it" },
    receivedAt: { ko: "받은 시각", en: "When received" },
    dueAt: { ko: "답변 기한 (받은 날부터 10일)", en: "Answer due (10 days after receipt)" },
    status: { ko: "처리 중 또는 완료", en: "Open or closed" },
    closedAt: { ko: "처리를 마친 시각", en: "When closed" },
    executedAction: {
      ko: "회원을 대신해 처리한 일 (내려받기, 이름 정정, 처리 정지, 마케팅 거부, 탈퇴)",
      en: "What staff carried out for the member: export, name correction, restriction, objection or deletion",
    },
    outcome: { ko: "처리 결과 (처리 완료, 거부, 답변)", en: "How it ended: completed, refused or answered" },
    outcomeNote: {
      ko: "요청한 사람에게 알린 답변이나 거부 이유",
      en: "The answer or the reason for a refusal, as told",
    },
    closedBy: { ko: "처리를 마친 담당 직원", en: "The staff member who closed it" },
  },
  purpose: {
    ko: "정보주체의 권리 행사 요청 처리와 그 기록",
    en: "Handling requests to exercise privacy rights, and recording them",
  },
  legalBasis: {
    ko: "법적 의무 (개인정보 보호법 제35조부터 제38조)",
    en: "Legal obligation (PIPA arts. 35 to 38; GDPR art. 12)",
  },
  retention: { ...COMPLAINT_RETENTION, sweptBy: { field: "closedAt", marks: "start" } },
  onWithdrawal: "pseudonymise-and-keep",
  disposal: ERASE,
  processors: [cloud],
});

// --- The support inbox (issue 10) ---

export const SUPPORT_INQUIRIES = inventoried<SupportInquiry>({
  id: "support-inquiries",
  collection: "supportInquiries",
  title: { ko: "문의 및 불만 처리 기록", en: "Inquiries and complaints" },
  fields: {
    uid: { ko: "문의한 회원", en: "The member who wrote" },
    kind: { ko: "문의 또는 불만", en: "Inquiry or complaint" },
    message: { ko: "문의 내용", en: "What the member wrote" },
    status: { ko: "답변 대기 또는 답변 완료", en: "Open or answered" },
    createdAt: { ko: "보낸 시각", en: "When sent" },
    answer: { ko: "담당 직원의 답변", en: "Staff's answer" },
    answeredAt: { ko: "답변한 시각", en: "When answered" },
    answeredBy: { ko: "답변한 담당 직원", en: "The staff member who answered" },
  },
  purpose: {
    ko: "회원의 문의와 불만에 답하고, 그 처리 기록을 보관",
    en: "Answering members' inquiries and complaints, and keeping the record of their handling",
  },
  legalBasis: {
    ko: "전자상거래 등에서의 소비자보호에 관한 법률 (소비자의 불만 또는 분쟁처리에 관한 기록 3년)",
    en: "Act on Consumer Protection in Electronic Commerce (records of consumer complaints and dispute handling, 3 years)",
  },
  // One still waiting for its answer is kept (its `answeredAt` is empty).
  retention: {
    ...COMPLAINT_RETENTION,
    from: { ko: "답변한 날 (답변하기 전까지는 계속 보관)", en: "the answer (kept while waiting for one)" },
    sweptBy: { field: "answeredAt", marks: "start" },
  },
  onWithdrawal: "pseudonymise-and-keep",
  disposal: ERASE,
  processors: [cloud],
});

/** How long a prepared archive can be downloaded before it and its record are deleted. */
export const DATA_EXPORT_DAYS = 7;

export const DATA_EXPORTS = inventoried<DataExport>({
  id: "data-exports",
  collection: "dataExports",
  title: { ko: "내 정보 내려받기 요청", en: "Data exports" },
  fields: {
    uid: { ko: "회원", en: "Member" },
    status: { ko: "준비 중 또는 준비 완료", en: "Preparing or ready" },
    fileKey: { ko: "압축 파일을 저장한 위치", en: "Where the archive is stored" },
    bytes: { ko: "압축 파일 크기", en: "Archive size" },
    requestedAt: { ko: "요청한 시각", en: "When asked for" },
    readyAt: { ko: "준비를 마친 시각", en: "When ready" },
    expiresAt: {
      ko: "압축 파일과 이 기록을 삭제할 시각 (준비된 지 7일 뒤)",
      en: "When the archive and this record are deleted (7 days after it was ready)",
    },
  },
  purpose: {
    ko: "회원이 요청한 개인정보 전송 (내려받기)",
    en: "Giving members their data to take elsewhere (portability)",
  },
  legalBasis: {
    ko: "법적 의무 (개인정보 보호법 제35조의2)",
    en: "Legal obligation (PIPA art. 35-2; GDPR art. 20)",
  },
  // The sweeper deletes the archive with its record (purge-expired-data.ts); one still
  // being prepared has no `expiresAt` yet, and waits.
  retention: {
    kind: "days",
    days: DATA_EXPORT_DAYS,
    from: { ko: "준비 완료", en: "when ready" },
    deletableOnRequest: true,
    sweptBy: { field: "expiresAt", marks: "end" },
  },
  onWithdrawal: "delete",
  disposal: ERASE,
  processors: [cloud],
});

const DATA_EXPORT_FILES: DataKind = {
  id: "data-export-files",
  title: { ko: "내 정보 압축 파일", en: "Data export archives" },
  store: { kind: "blob-storage", prefix: "exports/" },
  fields: {
    archive: {
      ko: "항목별 JSON 파일과 이미지 파일을 담은 ZIP 파일",
      en: "ZIP file with one JSON file per kind of data, and the image files",
    },
  },
  purpose: DATA_EXPORTS.kind.purpose,
  legalBasis: DATA_EXPORTS.kind.legalBasis,
  // Swept by its own prefix too, for an archive whose record is gone (a crash between the two writes).
  retention: {
    kind: "days",
    days: DATA_EXPORT_DAYS,
    from: { ko: "압축 파일을 만든 때", en: "when the archive was written" },
    deletableOnRequest: true,
  },
  onWithdrawal: "delete",
  disposal: ERASE,
  processors: [cloud],
};

/** A record read without knowing its kind's type: for code that reads every kind alike (My page). */
export type AnyStoredRecord = { [field: string]: JsonValue };

/** The inventory's own handle of a database kind, by the kind's id. */
export function handleOfKind(id: string): InventoriedCollection<AnyStoredRecord> | undefined {
  for (const handle of inventoryHandles) {
    const inventoried = handle as InventoriedCollection<AnyStoredRecord>;
    if (inventoried.kind.id === id) return inventoried;
  }
  return undefined;
}

/** Every kind of personal data the product keeps, in the order the privacy policy lists them. */
export const DATA_INVENTORY: readonly DataKind[] = [
  AUTH_ACCOUNT,
  MEMBERS.kind,
  CONSENT_RECORDS.kind,
  POINT_ACCOUNTS.kind,
  POINT_ENTRIES.kind,
  WELCOME_GRANTS.kind,
  RESERVATIONS.kind,
  ORDERS.kind,
  REFUNDS.kind,
  GENERATIONS.kind,
  IMAGES.kind,
  IMAGE_FILES,
  IDEMPOTENCY_KEYS.kind,
  RATE_LIMITS.kind,
  ABUSE_RECORDS.kind,
  MAIL_OUTBOX.kind,
  WEBHOOK_DELIVERIES.kind,
  MAIL_SUPPRESSIONS.kind,
  MAIL_PROVIDER_EVENTS.kind,
  ACCESS_RECORDS.kind,
  DISPLAY_RECORDS.kind,
  WITHDRAWALS.kind,
  LEGAL_HOLD.kind,
  PROCESSING_RESTRICTIONS.kind,
  PRIVACY_REQUESTS.kind,
  SUPPORT_INQUIRIES.kind,
  DATA_EXPORTS.kind,
  DATA_EXPORT_FILES,
  STAFF_ACCESS_LOG.kind,
  // After the log: the sweeper removes the entries before the head and checkpoint that name them.
  STAFF_ACCESS_CHAIN.kind,
  STAFF_SESSIONS.kind,
  STAFF_SECOND_FACTORS.kind,
];

export function databaseKinds(): (DataKind & { store: { kind: "database"; collection: string } })[] {
  return DATA_INVENTORY.filter(
    (kind): kind is DataKind & { store: { kind: "database"; collection: string } } => kind.store.kind === "database",
  );
}

export function declaredFields(collection: string): Set<string> | undefined {
  const kind = databaseKinds().find((k) => k.store.collection === collection);
  return kind ? new Set(Object.keys(kind.fields)) : undefined;
}
