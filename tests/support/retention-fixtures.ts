/**
 * One valid record of every kind the retention sweeper enforces, dated by its retention
 * field: the retention tests make their cases from it, and the retention benchmark its
 * backlog. A kind missing here fails its retention test.
 */
import { randomUUID } from "node:crypto";
import { ABUSE_RECORDS } from "../../lib/abuse/abuse-record";
import { RATE_LIMITS } from "../../lib/abuse/rate-limit";
import type { Collection } from "../../lib/db/collection";
import type { DocumentData } from "../../lib/db/database";
import { GENERATIONS } from "../../lib/generation/generation-job";
import { IDEMPOTENCY_KEYS } from "../../lib/idempotency/idempotency-key";
import { IMAGES } from "../../lib/images/image-record";
import { MAIL_PROVIDER_EVENTS, MAIL_SUPPRESSIONS } from "../../lib/mail/mail-suppression";
import { ORDERS } from "../../lib/orders/order";
import { POINT_ACCOUNTS, POINT_ENTRIES } from "../../lib/points/ledger";
import { RESERVATIONS } from "../../lib/points/reservations";
import { WELCOME_GRANTS } from "../../lib/points/welcome-points";
import { DISPLAY_RECORDS } from "../../lib/pricing/display-records";
import { ACCESS_RECORDS } from "../../lib/privacy/access-records";
import { LEGAL_HOLD } from "../../lib/privacy/legal-hold-record";
import { DATA_EXPORTS, dataExportFileKey } from "../../lib/privacy/data-export";
import { PRIVACY_REQUESTS } from "../../lib/privacy/privacy-request";
import { SUPPORT_INQUIRIES } from "../../lib/support/support-inquiry";
import { PROCESSING_RESTRICTIONS } from "../../lib/privacy/processing-restriction";
import { REFUNDS } from "../../lib/refunds/refund";
import { WEBHOOK_DELIVERIES } from "../../lib/webhooks/webhook-delivery";
import { STAFF_ACCESS_CHAIN, STAFF_ACCESS_LOG } from "../../lib/staff/access-log";
import { STAFF_SESSIONS } from "../../lib/staff/staff-session";
import { WITHDRAWALS } from "../../lib/withdrawal/withdrawal";

/** A record of the kind whose retention field is `at`, for a member `uid` with no points account. */
export type Fixture = (at: string, uid: string) => DocumentData;

type RecordOf<C> = C extends Collection<infer T> ? T : never;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any handle; its record type is read back by RecordOf
function fixture<C extends Collection<any>>(collection: C, make: (at: string, uid: string) => RecordOf<C>) {
  return [collection.name, make as unknown as Fixture] as const;
}

export const RETENTION_FIXTURES = new Map<string, Fixture>([
  fixture(POINT_ACCOUNTS, (at, uid): RecordOf<typeof POINT_ACCOUNTS> => ({
    uid,
    balance: 0,
    freeBalance: 0,
    entryCount: 0,
    updatedAt: at,
  })),
  fixture(POINT_ENTRIES, (at, uid): RecordOf<typeof POINT_ENTRIES> => ({
    uid,
    kind: "adjustment",
    amount: 10,
    freeAmount: 10,
    balanceAfter: 10,
    reason: "test",
    reservationId: null,
    orderId: null,
    correcting: "ledger-entry:test",
    adjustedBy: "staff-uid",
    createdAt: at,
  })),
  fixture(RESERVATIONS, (at, uid): RecordOf<typeof RESERVATIONS> => ({
    uid,
    amount: 10,
    freeHeld: 0,
    charged: 10,
    status: "settled",
    createdAt: at,
    closedAt: at,
  })),
  fixture(ORDERS, (at, uid): RecordOf<typeof ORDERS> => ({
    uid,
    packageId: "points-1000",
    provider: "sandbox",
    points: 1_000,
    bonusPoints: 0,
    amount: 15_000,
    currency: "KRW",
    status: "expired",
    providerPaymentId: null,
    createdAt: at,
    expiresAt: at,
    paidAt: null,
    canceledAt: null,
    failedAt: null,
    receiptUrl: null,
    refundedAmount: 0,
    refundedPoints: 0,
    tossDepositSecretHash: null,
  })),
  fixture(REFUNDS, (at, uid): RecordOf<typeof REFUNDS> => ({
    uid,
    orderId: "order",
    provider: "sandbox",
    origin: "request",
    status: "rejected",
    amount: 15_000,
    currency: "KRW",
    lotPoints: 1_000,
    points: 0,
    pointsShortfall: 0,
    review: null,
    providerRefundId: null,
    failureCode: null,
    decidedBy: "staff",
    decisionReason: "Not a purchase of this member",
    requestedAt: at,
    decidedAt: at,
    completedAt: null,
  })),
  fixture(WELCOME_GRANTS, (at): RecordOf<typeof WELCOME_GRANTS> => ({ grantedAt: at, expiresAt: at })),
  fixture(GENERATIONS, (at, uid): RecordOf<typeof GENERATIONS> => ({
    uid,
    prompt: "a test",
    model: "local-sketch",
    size: "512x512",
    count: 1,
    status: "succeeded",
    pointsReserved: 10,
    pointsCharged: 10,
    imageIds: [],
    imagesFailed: [],
    attempts: 1,
    leaseOwner: null,
    leaseExpiresAt: null,
    errorCode: null,
    createdAt: at,
    updatedAt: at,
    predictionIds: [],
    nextPollAt: null,
    startedAt: at,
    cancelRequestedAt: null,
    finishedAt: at,
    expiresAt: at,
  })),
  fixture(IMAGES, (at, uid): RecordOf<typeof IMAGES> => ({
    uid,
    generationId: "g",
    index: 0,
    prompt: "a test",
    model: "local-sketch",
    size: "512x512",
    fileKey: `images/${uid}/g/${randomUUID()}.png`,
    thumbnails: [],
    bytes: 4,
    createdAt: at,
    expiresAt: at,
  })),
  fixture(IDEMPOTENCY_KEYS, (at, uid): RecordOf<typeof IDEMPOTENCY_KEYS> => ({
    uid,
    scope: "generation",
    requestHash: "h",
    resultId: "r",
    createdAt: at,
    expiresAt: at,
  })),
  fixture(RATE_LIMITS, (at): RecordOf<typeof RATE_LIMITS> => ({
    bucket: "test",
    count: 1,
    windowStartsAt: at,
    expiresAt: at,
  })),
  fixture(ABUSE_RECORDS, (at, uid): RecordOf<typeof ABUSE_RECORDS> => ({
    uid,
    kind: "repeated-prompt-refusals",
    promptHash: "h",
    categories: [],
    source: "local-rules",
    refusalsInWindow: 3,
    createdAt: at,
    expiresAt: at,
  })),
  fixture(WEBHOOK_DELIVERIES, (at): RecordOf<typeof WEBHOOK_DELIVERIES> => ({
    provider: "stripe",
    receivedAt: at,
    expiresAt: at,
  })),
  fixture(MAIL_SUPPRESSIONS, (at): RecordOf<typeof MAIL_SUPPRESSIONS> => ({
    reason: "bounce",
    suppressedAt: at,
    expiresAt: at,
  })),
  fixture(MAIL_PROVIDER_EVENTS, (at): RecordOf<typeof MAIL_PROVIDER_EVENTS> => ({ receivedAt: at, expiresAt: at })),
  fixture(ACCESS_RECORDS, (at, uid): RecordOf<typeof ACCESS_RECORDS> => ({
    uid,
    event: "session",
    client: "ipv4:192.0.2.1",
    userAgent: "test",
    occurredAt: at,
  })),
  fixture(DISPLAY_RECORDS, (at): RecordOf<typeof DISPLAY_RECORDS> => ({
    surface: "points",
    day: at.slice(0, 10),
    offerHash: "h",
    packages: [],
    models: [],
    firstShownAt: at,
  })),
  fixture(WITHDRAWALS, (at): RecordOf<typeof WITHDRAWALS> => ({
    uid: null,
    status: "done",
    step: null,
    pointsLapsed: 0,
    requestedAt: at,
    completedAt: at,
    expiresAt: at,
  })),
  fixture(LEGAL_HOLD, (at): RecordOf<typeof LEGAL_HOLD> => ({
    kind: "orders",
    subject: "pseudonym",
    originalId: "record-pseudonym",
    record: { status: "paid" },
    heldAt: at,
    holdUntil: at,
  })),
  fixture(PROCESSING_RESTRICTIONS, (at, uid): RecordOf<typeof PROCESSING_RESTRICTIONS> => ({
    uid,
    kind: "marketing-objection",
    dataKind: null,
    requestId: null,
    startedAt: at,
    liftedAt: at,
  })),
  fixture(PRIVACY_REQUESTS, (at, uid): RecordOf<typeof PRIVACY_REQUESTS> => ({
    uid,
    kind: "correction",
    channel: "my-page",
    dataKind: "member-profile",
    details: "test",
    requesterName: null,
    requesterContact: null,
    agentName: null,
    agentCheck: null,
    agentDocument: null,
    agentRefusalReason: null,
    agentCheckedBy: null,
    receivedAt: at,
    dueAt: at,
    status: "closed",
    closedAt: at,
    executedAction: null,
    outcome: "answered",
    outcomeNote: "test",
    closedBy: "staff-uid",
  })),
  fixture(SUPPORT_INQUIRIES, (at, uid): RecordOf<typeof SUPPORT_INQUIRIES> => ({
    uid,
    kind: "complaint",
    message: "test",
    status: "answered",
    createdAt: at,
    answer: "test",
    answeredAt: at,
    answeredBy: "staff-uid",
  })),
  fixture(DATA_EXPORTS, (at, uid): RecordOf<typeof DATA_EXPORTS> => ({
    uid,
    status: "ready",
    fileKey: dataExportFileKey(uid, randomUUID()),
    bytes: 4,
    requestedAt: at,
    readyAt: at,
    expiresAt: at,
  })),
  fixture(STAFF_ACCESS_LOG, (at, uid): RecordOf<typeof STAFF_ACCESS_LOG> => ({
    seq: 0,
    at,
    staffUid: "staff-fixture",
    role: "support",
    action: "member.view",
    memberUid: uid,
    reason: "inquiry",
    client: null,
    outcome: "allowed",
    prevAt: null,
    prevHash: "0".repeat(64),
    hash: "f".repeat(64),
  })),
  fixture(STAFF_ACCESS_CHAIN, (at): RecordOf<typeof STAFF_ACCESS_CHAIN> => ({
    seq: 0,
    hash: "f".repeat(64),
    at,
    checkpointSeq: null,
    checkpointHash: null,
  })),
  fixture(STAFF_SESSIONS, (at, uid): RecordOf<typeof STAFF_SESSIONS> => ({
    staffUid: uid,
    role: "support",
    stage: "active",
    createdAt: at,
    lastSeenAt: at,
    expiresAt: at,
  })),
]);
