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
import type { RateLimitCounter } from "../abuse/rate-limit";
import { defineCollection, type Collection, type FieldDescriptions, type StoredRecord } from "../db/collection";
import type { GenerationJob } from "../generation/generation-job";
import type { IdempotencyKeyRecord } from "../idempotency/idempotency-key";
import type { ImageRecord } from "../images/image-record";
import type { OutboxItem } from "../mail/mail-outbox";
import type { Order } from "../orders/order";
import type { PointAccount, PointEntry } from "../points/ledger";
import type { Reservation } from "../points/reservations";

export type Localized = { ko: string; en: string };

export type Retention =
  | { kind: "until-withdrawal" }
  | { kind: "days"; days: number; from: string }
  | { kind: "years"; years: number; from: string }
  | { kind: "until-delivered" };

export interface DataKind {
  id: string;
  title: Localized;
  /** Where it lives: a database collection, blob storage or the auth provider. */
  store:
    { kind: "database"; collection: string } | { kind: "blob-storage"; prefix: string } | { kind: "auth-provider" };
  /** Field name to what it holds. For database kinds, the only fields code may write. */
  fields: Readonly<Record<string, string>>;
  purpose: Localized;
  legalBasis: Localized;
  retention: Retention;
  /** On withdrawal: delete at once, or keep pseudonymised until the retention period ends. */
  onWithdrawal: "delete" | "pseudonymise-and-keep";
  disposal: Localized;
  processors: string[];
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

const cloud = "Google Cloud (Firebase) - hosting, database and storage";

/** A collection's handle, with the inventory entry that declares it. */
export interface InventoriedCollection<T extends StoredRecord<T>> extends Collection<T> {
  readonly kind: DataKind;
}

type DatabaseKindSpec<T> = Omit<DataKind, "store" | "fields"> & { collection: string; fields: FieldDescriptions<T> };

const inventoryHandles = new Set<object>();

function inventoried<T extends StoredRecord<T>>(spec: DatabaseKindSpec<T>): InventoriedCollection<T> {
  const { collection: name, ...description } = spec;
  const collection = defineCollection<T>(name, spec.fields);
  const kind: DataKind = { ...description, store: { kind: "database", collection: name }, fields: collection.fields };
  const handle = Object.freeze({ ...collection, kind });
  inventoryHandles.add(handle);
  return handle;
}

/** Whether this handle is one of the inventory's own (not one made elsewhere under the same name). */
export function isInventoried(collection: object): boolean {
  return inventoryHandles.has(collection);
}

const AUTH_ACCOUNT: DataKind = {
  id: "auth-account",
  title: { ko: "로그인 계정", en: "Sign-in account" },
  store: { kind: "auth-provider" },
  fields: {
    email: "Email address (sign-in ID, result and account mail)",
    passwordHash: "Password, stored only as a salted hash by Firebase Auth",
    googleId: "Google account ID, when signing in with Google",
    emailVerified: "Whether the address was confirmed",
  },
  purpose: { ko: "회원 식별, 로그인, 계정 관련 안내", en: "Identifying members, signing in, account notices" },
  legalBasis: CONTRACT_BASIS,
  retention: { kind: "until-withdrawal" },
  onWithdrawal: "delete",
  disposal: ERASE,
  processors: ["Google Cloud (Firebase Authentication)"],
};

export const MEMBERS = inventoried<Member>({
  id: "member-profile",
  collection: "members",
  title: { ko: "회원 정보", en: "Member profile" },
  fields: {
    name: "Name given at sign-up",
    ageConfirmedAt: "When the member confirmed being 14 or older",
    marketingOptIn: "Current marketing consent (opt-in)",
    locale: "Language of the member's mail (ko or en): the one chosen, or the one signed up in",
    timeZone: "Time zone in which mail shows times (an IANA name such as Asia/Seoul)",
    createdAt: "When the account was created",
    updatedAt: "Last change",
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
    uid: "Member",
    purpose: "terms, privacy or marketing",
    granted: "Given or refused/withdrawn",
    policyVersion: "Version of the document consented to",
    wording: "The exact wording shown",
    recordedAt: "When",
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
    uid: "Member",
    balance: "Points available, always the sum of the ledger entries",
    entryCount: "Number of ledger entries",
    updatedAt: "Last movement",
  },
  purpose: { ko: "유료 서비스 이용 정산", en: "Accounting for paid use of the service" },
  legalBasis: COMMERCE_ACT,
  retention: { kind: "years", years: 5, from: "the last movement" },
  onWithdrawal: "pseudonymise-and-keep",
  disposal: ERASE,
  processors: [cloud],
});

export const POINT_ENTRIES = inventoried<PointEntry>({
  id: "points-ledger",
  collection: "pointEntries",
  title: { ko: "포인트 거래 내역", en: "Points ledger" },
  fields: {
    uid: "Member",
    kind: "purchase, reserve, release, refund or adjustment",
    amount: "Points added (positive) or taken (negative)",
    balanceAfter: "Balance after this entry",
    reason: "Why, in words",
    reservationId: "The generation the points were held for",
    orderId: "The order that paid for the points",
    createdAt: "When",
  },
  purpose: { ko: "대금결제 및 재화 공급 기록", en: "Records of payment and supply of goods" },
  legalBasis: COMMERCE_ACT,
  retention: { kind: "years", years: 5, from: "the entry" },
  onWithdrawal: "pseudonymise-and-keep",
  disposal: ERASE,
  processors: [cloud],
});

export const RESERVATIONS = inventoried<Reservation>({
  id: "points-reservations",
  collection: "reservations",
  title: { ko: "포인트 예약", en: "Points held for generations" },
  fields: {
    uid: "Member",
    amount: "Points held",
    charged: "Points finally charged",
    status: "held, settled or released",
    createdAt: "When held",
    closedAt: "When settled or released",
  },
  purpose: { ko: "대금결제 및 재화 공급 기록", en: "Records of payment and supply of goods" },
  legalBasis: COMMERCE_ACT,
  retention: { kind: "years", years: 5, from: "closing" },
  onWithdrawal: "pseudonymise-and-keep",
  disposal: ERASE,
  processors: [cloud],
});

export const ORDERS = inventoried<Order>({
  id: "orders",
  collection: "orders",
  title: { ko: "주문 및 결제 기록", en: "Orders and payments" },
  fields: {
    uid: "Member",
    packageId: "Points package bought",
    provider: "Payment provider",
    points: "Points credited",
    amount: "Price in the currency's smallest unit",
    currency: "KRW or USD",
    status: "pending, paid or canceled",
    providerPaymentId: "The provider's payment ID",
    createdAt: "When ordered",
    paidAt: "When paid",
    canceledAt: "When canceled",
  },
  purpose: { ko: "계약 및 대금결제 기록", en: "Records of contracts and payments" },
  legalBasis: COMMERCE_ACT,
  retention: { kind: "years", years: 5, from: "the order" },
  onWithdrawal: "pseudonymise-and-keep",
  disposal: ERASE,
  processors: [cloud, "Payment provider (sandbox locally)"],
});

export const GENERATIONS = inventoried<GenerationJob>({
  id: "generations",
  collection: "generations",
  title: { ko: "이미지 생성 요청", en: "Image generation requests" },
  fields: {
    uid: "Member",
    prompt: "The text the member typed",
    model: "Model",
    size: "Image size",
    count: "Number of images",
    status: "queued, running, succeeded, partial or failed",
    pointsReserved: "Points held",
    pointsCharged: "Points charged",
    imageIds: "Images made",
    imagesFailed: "Images that failed",
    attempts: "Times a worker took the job",
    leaseOwner: "Worker that holds the job",
    leaseExpiresAt: "When the worker's hold ends",
    errorCode: "Why it failed",
    createdAt: "When submitted",
    updatedAt: "Last change",
    startedAt: "When a worker first took it",
    cancelRequestedAt: "When the member asked to stop it",
    finishedAt: "When done",
    expiresAt: "When the request is deleted",
  },
  purpose: { ko: "이미지 생성 서비스 제공", en: "Generating the images asked for" },
  legalBasis: CONTRACT_BASIS,
  retention: { kind: "days", days: 90, from: "submission" },
  onWithdrawal: "delete",
  disposal: ERASE,
  processors: [cloud, "Image model provider (prompt only, no identity)"],
});

export const IMAGES = inventoried<ImageRecord>({
  id: "images",
  collection: "images",
  title: { ko: "생성된 이미지", en: "Generated images" },
  fields: {
    uid: "Member",
    generationId: "Generation",
    index: "Position in the generation",
    prompt: "Prompt it was made from",
    model: "Model",
    size: "Image size",
    fileKey: "Where the PNG is stored",
    thumbnailKey: "Where the WebP thumbnail is stored",
    bytes: "PNG size",
    createdAt: "When made",
    expiresAt: "When it is deleted (90 days after creation)",
  },
  purpose: { ko: "생성 결과 보관 및 제공", en: "Keeping and showing the member's results" },
  legalBasis: CONTRACT_BASIS,
  retention: { kind: "days", days: 90, from: "creation, or at once on request" },
  onWithdrawal: "delete",
  disposal: ERASE,
  processors: [cloud],
});

const IMAGE_FILES: DataKind = {
  id: "image-files",
  title: { ko: "이미지 파일", en: "Image files" },
  store: { kind: "blob-storage", prefix: "images/" },
  fields: { original: "PNG as generated", thumbnail: "WebP thumbnail" },
  purpose: { ko: "생성 결과 보관 및 제공", en: "Keeping and showing the member's results" },
  legalBasis: CONTRACT_BASIS,
  retention: { kind: "days", days: 90, from: "creation, or at once on request" },
  onWithdrawal: "delete",
  disposal: ERASE,
  processors: [cloud],
};

export const IDEMPOTENCY_KEYS = inventoried<IdempotencyKeyRecord>({
  id: "idempotency-keys",
  collection: "idempotencyKeys",
  title: { ko: "중복 요청 방지 키", en: "Duplicate-request keys" },
  fields: {
    uid: "Member",
    scope: "Which operation",
    requestHash: "Hash of the request body",
    resultId: "What the first request made",
    createdAt: "When first used",
    expiresAt: "When forgotten",
  },
  purpose: { ko: "중복 결제·차감 방지", en: "Preventing double charges on retried requests" },
  legalBasis: CONTRACT_BASIS,
  retention: { kind: "days", days: 7, from: "first use" },
  onWithdrawal: "delete",
  disposal: ERASE,
  processors: [cloud],
});

export const RATE_LIMITS = inventoried<RateLimitCounter>({
  id: "rate-limits",
  collection: "rateLimits",
  title: { ko: "요청 횟수 제한 기록", en: "Request limits" },
  fields: {
    bucket:
      "Which action is limited, and by what (password reset per email address or per client, confirmation mail per account or per client)",
    count:
      "Uses in the current window. The document id is a hash of the email address, the account or the client's IP address (an IPv6 client by its /64 network), never the address itself",
    windowStartsAt: "When the window began",
    expiresAt: "When the record is deleted",
  },
  purpose: { ko: "메일 폭주 등 서비스 악용 방지", en: "Preventing abuse such as mail flooding" },
  legalBasis: {
    ko: "정당한 이익 (서비스 보안)",
    en: "Legitimate interest in the security of the service (GDPR art. 6(1)(f))",
  },
  retention: { kind: "days", days: 1, from: "the start of the window" },
  onWithdrawal: "delete",
  disposal: ERASE,
  processors: [cloud],
});

export const MAIL_OUTBOX = inventoried<OutboxItem>({
  id: "mail-outbox",
  collection: "mailOutbox",
  title: { ko: "발송 대기 메일", en: "Mail waiting to be sent" },
  fields: {
    uid: "Recipient member (the address is looked up when sending)",
    email:
      "For a password reset only: the address typed into the form, which may belong to no account; deleted with the item once the mail is sent, dropped (no such account) or given up after the last attempt",
    locale:
      "For a password reset only: the language of the page it was asked from, used when the address has no member record",
    template: "Which mail",
    refId: "What it is about",
    attempts: "Send attempts",
    createdAt: "When queued",
    nextAttemptAt: "When to try again",
  },
  purpose: {
    ko: "생성 결과 안내 및 비밀번호 재설정 메일 발송",
    en: "Sending result mail and password-reset links",
  },
  legalBasis: CONTRACT_BASIS,
  retention: { kind: "until-delivered" },
  onWithdrawal: "delete",
  disposal: ERASE,
  processors: [cloud, "Mail provider (local outbox locally)"],
});

/** Every kind of personal data the product keeps, in the order the privacy policy lists them. */
export const DATA_INVENTORY: readonly DataKind[] = [
  AUTH_ACCOUNT,
  MEMBERS.kind,
  CONSENT_RECORDS.kind,
  POINT_ACCOUNTS.kind,
  POINT_ENTRIES.kind,
  RESERVATIONS.kind,
  ORDERS.kind,
  GENERATIONS.kind,
  IMAGES.kind,
  IMAGE_FILES,
  IDEMPOTENCY_KEYS.kind,
  RATE_LIMITS.kind,
  MAIL_OUTBOX.kind,
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
