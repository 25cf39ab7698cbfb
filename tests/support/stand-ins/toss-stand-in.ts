/**
 * A local Toss Payments core API, as strict as the documented one:
 * - every call needs `Authorization: Basic base64(secretKey + ":")`, else 401
 *   `{code: "UNAUTHORIZED_KEY", message}`; errors are always Toss's `{code, message}`;
 * - `POST /v1/payments/confirm` takes a JSON `{paymentKey, orderId, amount}` and
 *   confirms only a payment the buyer authenticated (`authenticate()`, what the widget
 *   does in the browser) with the same orderId and amount: an unknown key is 404
 *   NOT_FOUND_PAYMENT, a different orderId or amount 400, a second confirm 400
 *   ALREADY_PROCESSED_PAYMENT; a card payment answers DONE with its receipt, a virtual
 *   account WAITING_FOR_DEPOSIT with its due date and the `secret` its deposit callback
 *   will carry;
 * - `POST /v1/payments/{paymentKey}/cancel` takes `{cancelReason, cancelAmount?}` (no
 *   amount: the whole payment), lowers the Payment's `balanceAmount`, adds the cancel to
 *   its `cancels` and lists it in the transactions API, refusing as the documented
 *   cancel errors say: 400 ALREADY_CANCELED_PAYMENT, 403 NOT_CANCELABLE_AMOUNT (more
 *   than is left), 403 NOT_CANCELABLE_PAYMENT (not paid), 403
 *   NOT_ALLOWED_PARTIAL_REFUND_WAITING_DEPOSIT, 400 INVALID_REQUEST (a malformed body, or
 *   a paid virtual account without `refundReceiveAccount`); as Toss documents, of two
 *   cancels of one payment less than a second apart only the first is carried out, the
 *   second is 403 FORBIDDEN_CONSECUTIVE_REQUEST (not kept under its Idempotency-Key, as
 *   it was never processed);
 * - `Idempotency-Key` on a POST, as Toss keys it (the key with the API key, the URL and
 *   the method, not the body): the same key answers the first answer again;
 * - `GET /v1/payments/{paymentKey}` reads a payment back (404 NOT_FOUND_PAYMENT);
 * - `GET /v1/payments/orders/{orderId}` reads the order's payment (404 NOT_FOUND_PAYMENT);
 * - `GET /v1/transactions?startDate&endDate[&startingAfter][&limit]` lists approvals and
 *   cancellations processed in the period, oldest first: both dates required, in Toss's
 *   zoneless Korean time (`2026-01-31T09:00:00` or with `.000`), both included; limit
 *   1 to 5,000 (100 unless given); startingAfter a transactionKey it gave, else 400
 *   INVALID_TRANSACTION_KEY;
 * - anything else is 404 NOT_FOUND.
 * A deposit into a virtual account posts both events Toss sends for it
 * (DEPOSIT_CALLBACK and PAYMENT_STATUS_CHANGED); a cancel made "in the dashboard"
 * (`cancelInDashboard`) is the same cancel, without our call, and can post its
 * PAYMENT_STATUS_CHANGED. It records every request it receives.
 *
 * Outside Toss's API, for a browser test in another process: `POST /__stand-in/authenticate`
 * `{orderId, amount, method?}` (with the same Basic auth) does what `authenticate()` does
 * and answers `{paymentKey}`, as Toss's payment window does before its success redirect.
 */
import { randomBytes, randomUUID } from "node:crypto";
import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from "node:http";

export type TossMethod = "card" | "virtual-account";

export interface TossReceivedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface TossWebhookDelivery {
  body: string;
}

/** One entry of a Payment's `cancels`, in the documented fields. */
export interface TossStoredCancel {
  transactionKey: string;
  cancelReason: string;
  taxExemptionAmount: number;
  canceledAt: string;
  easyPayDiscountAmount: number;
  receiptKey: string | null;
  cancelStatus: "DONE" | "IN_PROGRESS" | "ABORTED";
  cancelRequestId: string | null;
  cancelAmount: number;
  taxFreeAmount: number;
  refundableAmount: number;
}

interface StoredPayment {
  paymentKey: string;
  orderId: string;
  amount: number;
  method: TossMethod;
  status: string;
  secret: string | null;
  approvedAt: string | null;
  dueDate: string | null;
  balanceAmount: number;
  cancels: TossStoredCancel[];
}

/** One line of Toss's transactions API: an approval or a cancellation of a payment. */
interface StoredTransaction {
  transactionKey: string;
  paymentKey: string;
  orderId: string;
  status: string;
  amount: number;
  transactionAt: Date;
}

/** `unprocessed`: refused before anything was done, so not kept under the Idempotency-Key. */
type Answer = { status: number; body: string; unprocessed?: true };

export interface TossStandInOptions {
  /** Posts a webhook to the app; gives its answer. */
  deliver?: (delivery: TossWebhookDelivery) => Promise<Response>;
  /** When transactions happen (a test's clock); the real time otherwise. */
  now?: () => Date;
  /** A fixed port (a browser test in another process must find it); any free one otherwise. */
  port?: number;
  /** Fixed keys, for the same reason; random test keys otherwise. */
  keys?: { secretKey: string; clientKey: string };
}

const JSON_HEADERS = { "content-type": "application/json; charset=utf-8" };

function tossError(response: ServerResponse, status: number, code: string, message: string): void {
  response.writeHead(status, JSON_HEADERS);
  response.end(JSON.stringify({ code, message }));
}

export class TossStandIn {
  readonly secretKey: string;
  readonly clientKey: string;
  readonly received: TossReceivedRequest[] = [];
  readonly deliveries: { body: string; status: number }[] = [];
  private readonly payments = new Map<string, StoredPayment>();
  private readonly transactions: StoredTransaction[] = [];
  private readonly idempotentAnswers = new Map<string, Answer>();
  private confirmDelays: number[] = [];
  private cancelDelays: number[] = [];
  /** When each payment was last cancelled through the API, for Toss's one-cancel-a-second rule. */
  private readonly lastCancelAt = new Map<string, number>();
  private server: Server | undefined;
  private origin = "";

  constructor(private readonly options: TossStandInOptions = {}) {
    this.secretKey = options.keys?.secretKey ?? `test_sk_${randomBytes(12).toString("hex")}`;
    this.clientKey = options.keys?.clientKey ?? `test_ck_${randomBytes(12).toString("hex")}`;
  }

  get baseUrl(): string {
    return this.origin;
  }

  async start(): Promise<void> {
    this.server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on("data", (chunk: Buffer) => chunks.push(chunk));
      request.on("end", () => {
        const body = Buffer.concat(chunks).toString("utf8");
        const path = request.url ?? "/";
        this.received.push({ method: request.method ?? "", path, headers: request.headers, body });
        void this.handle(request.method ?? "", path, request.headers, body, response).catch((error: unknown) =>
          tossError(response, 500, "FAILED_INTERNAL_SYSTEM_PROCESSING", String(error)),
        );
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(this.options.port ?? 0, "127.0.0.1", resolve));
    const address = this.server.address();
    if (typeof address !== "object" || !address) throw new Error("The stand-in has no address.");
    this.origin = `http://127.0.0.1:${address.port}`;
  }

  async close(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise((resolve) => this.server?.close(resolve));
  }

  /** The buyer authenticated in the widget: Toss holds the payment IN_PROGRESS and hands the browser its key. */
  authenticate(options: { orderId: string; amount: number; method?: TossMethod }): string {
    const paymentKey = `tgen_${randomBytes(12).toString("hex")}`;
    this.payments.set(paymentKey, {
      paymentKey,
      orderId: options.orderId,
      amount: options.amount,
      method: options.method ?? "card",
      status: "IN_PROGRESS",
      secret: null,
      approvedAt: null,
      dueDate: null,
      balanceAmount: options.amount,
      cancels: [],
    });
    return paymentKey;
  }

  /** The next `times` cancels are carried out at once but answered only after `ms` (answers lost to timeouts). */
  delayNextCancelAnswers(ms: number, times = 1): void {
    for (let i = 0; i < times; i++) this.cancelDelays.push(ms);
  }

  /**
   * A cancel made in Toss's dashboard, without our call: the whole rest, or `amount`.
   * Gives the cancel; `postStatusChanged` then tells the app, as Toss would.
   */
  cancelInDashboard(
    paymentKey: string,
    { amount, reason = "고객 요청" }: { amount?: number; reason?: string } = {},
  ): TossStoredCancel {
    // Staff type the buyer's refund account into the dashboard for a virtual account.
    const answer = this.cancel(paymentKey, {
      cancelReason: reason,
      refundReceiveAccount: { bank: "88", accountNumber: "110000000000", holderName: "환불" },
      ...(amount === undefined ? {} : { cancelAmount: amount }),
    });
    if (answer.status !== 200) throw new Error(`The dashboard cancel was refused: ${answer.body}`);
    return this.stored(paymentKey).cancels.at(-1)!;
  }

  /** Posts PAYMENT_STATUS_CHANGED with the payment as it is now (CANCELED or PARTIAL_CANCELED after a cancel). */
  postStatusChanged(paymentKey: string): Promise<number> {
    return this.post(this.statusChangedEvent(paymentKey));
  }

  /** Toss keeps an Idempotency-Key 15 days: the time has passed, every key is forgotten. */
  forgetIdempotencyKeys(): void {
    this.idempotentAnswers.clear();
  }

  /** The cancels Toss holds for a payment, oldest first. */
  cancelsOf(paymentKey: string): TossStoredCancel[] {
    return structuredClone(this.stored(paymentKey).cancels);
  }

  /** The next confirm is carried out at once but answered only after `ms` (a response lost to a timeout). */
  delayNextConfirmAnswer(ms: number): void {
    this.confirmDelays.push(ms);
  }

  /** Changes a payment's status as Toss's side would (an expiry), without telling anyone: no money moves. */
  setStatus(paymentKey: string, status: string): void {
    this.stored(paymentKey).status = status;
  }

  /** The buyer's transfer reaches the virtual account: the payment is DONE and both webhooks are posted. */
  async deposit(paymentKey: string): Promise<void> {
    const payment = this.stored(paymentKey);
    payment.status = "DONE";
    payment.approvedAt = new Date().toISOString();
    this.recordTransaction(payment, "DONE", payment.amount);
    for (const body of this.depositEvents(paymentKey)) await this.post(body);
  }

  /** The two bodies Toss posts for a deposit: DEPOSIT_CALLBACK with the secret, and PAYMENT_STATUS_CHANGED. */
  depositEvents(paymentKey: string): string[] {
    const payment = this.stored(paymentKey);
    return [
      JSON.stringify({
        createdAt: new Date().toISOString().slice(0, 23),
        secret: payment.secret,
        status: payment.status,
        transactionKey: randomBytes(16).toString("hex").toUpperCase(),
        orderId: payment.orderId,
      }),
      this.statusChangedEvent(paymentKey),
    ];
  }

  /** A PAYMENT_STATUS_CHANGED body carrying the payment as Toss holds it (or as `overrides` pretends). */
  statusChangedEvent(paymentKey: string, overrides: Record<string, unknown> = {}): string {
    return JSON.stringify({
      eventType: "PAYMENT_STATUS_CHANGED",
      createdAt: new Date().toISOString().slice(0, 23),
      data: { ...this.paymentObject(this.stored(paymentKey)), ...overrides },
    });
  }

  async post(body: string): Promise<number> {
    if (!this.options.deliver) throw new Error("This stand-in was started without a webhook target.");
    const answer = await this.options.deliver({ body });
    this.deliveries.push({ body, status: answer.status });
    return answer.status;
  }

  confirms(): TossReceivedRequest[] {
    return this.received.filter((r) => r.method === "POST" && r.path === "/v1/payments/confirm");
  }

  cancelRequests(): TossReceivedRequest[] {
    return this.received.filter((r) => r.method === "POST" && /^\/v1\/payments\/[^/]+\/cancel$/.test(r.path));
  }

  private stored(paymentKey: string): StoredPayment {
    const payment = this.payments.get(paymentKey);
    if (!payment) throw new Error(`No payment ${paymentKey}`);
    return payment;
  }

  private async handle(
    method: string,
    path: string,
    headers: IncomingHttpHeaders,
    body: string,
    response: ServerResponse,
  ): Promise<void> {
    const expected = `Basic ${Buffer.from(`${this.secretKey}:`).toString("base64")}`;
    if (headers.authorization !== expected)
      return tossError(response, 401, "UNAUTHORIZED_KEY", "인증되지 않은 시크릿 키 혹은 클라이언트 키 입니다.");

    if (method === "POST" && path === "/__stand-in/authenticate") {
      const request = JSON.parse(body) as { orderId: string; amount: number; method?: TossMethod };
      response.writeHead(200, JSON_HEADERS);
      response.end(JSON.stringify({ paymentKey: this.authenticate(request) }));
      return;
    }
    if (method === "POST" && path === "/v1/payments/confirm")
      return this.idempotent(method, path, headers, response, this.confirmDelays, () => this.confirm(headers, body));
    const cancel = /^\/v1\/payments\/([^/?]+)\/cancel$/.exec(path);
    if (method === "POST" && cancel)
      return this.idempotent(method, path, headers, response, this.cancelDelays, () => {
        const request = jsonBody(headers, body);
        return request ? this.cancel(decodeURIComponent(cancel[1]!), request, { throughApi: true }) : invalidRequest();
      });
    const read = /^\/v1\/payments\/([^/?]+)$/.exec(path);
    if (method === "GET" && read) {
      const payment = this.payments.get(decodeURIComponent(read[1]!));
      if (!payment) return tossError(response, 404, "NOT_FOUND_PAYMENT", "존재하지 않는 결제 정보 입니다.");
      response.writeHead(200, JSON_HEADERS);
      response.end(JSON.stringify(this.paymentObject(payment)));
      return;
    }
    if (method === "GET" && this.answerReconciliationRead(path, response)) return;
    tossError(response, 404, "NOT_FOUND", "존재하지 않는 정보 입니다.");
  }

  /**
   * A POST under Toss's idempotency: with a key, the first answer is kept and given
   * again for the same key, URL and method; the work is done before any delayed answer.
   */
  private async idempotent(
    method: string,
    path: string,
    headers: IncomingHttpHeaders,
    response: ServerResponse,
    delays: number[],
    work: () => Answer,
  ): Promise<void> {
    const key = headers["idempotency-key"];
    if (typeof key === "string" && key.length > 300)
      return tossError(response, 400, "INVALID_REQUEST", "Idempotency-Key는 300자 이하여야 합니다.");
    const slot = typeof key === "string" ? `${key} ${method} ${path}` : undefined;
    const replay = slot ? this.idempotentAnswers.get(slot) : undefined;
    const answer = replay ?? work();
    if (slot && !replay && !answer.unprocessed) this.idempotentAnswers.set(slot, answer);
    const delay = delays.shift();
    if (delay) await new Promise((resolve) => setTimeout(resolve, delay));
    response.writeHead(answer.status, JSON_HEADERS);
    response.end(answer.body);
  }

  private cancel(paymentKey: string, request: Record<string, unknown>, { throughApi = false } = {}): Answer {
    const { cancelReason, cancelAmount, refundReceiveAccount } = request;
    if (typeof cancelReason !== "string" || cancelReason.trim() === "" || cancelReason.length > 200)
      return invalidRequest();
    if (
      cancelAmount !== undefined &&
      (typeof cancelAmount !== "number" || !Number.isInteger(cancelAmount) || cancelAmount <= 0)
    )
      return invalidRequest();
    const payment = this.payments.get(paymentKey);
    if (!payment) return fail(404, "NOT_FOUND_PAYMENT", "존재하지 않는 결제 정보 입니다.");
    if (payment.status === "CANCELED") return fail(400, "ALREADY_CANCELED_PAYMENT", "이미 취소된 결제 입니다.");
    const amount = cancelAmount ?? payment.balanceAmount;
    if (payment.status === "WAITING_FOR_DEPOSIT") {
      if (amount !== payment.amount)
        return fail(403, "NOT_ALLOWED_PARTIAL_REFUND_WAITING_DEPOSIT", "입금 대기중인 결제는 부분 환불이 불가합니다.");
    } else if (payment.status !== "DONE" && payment.status !== "PARTIAL_CANCELED")
      return fail(403, "NOT_CANCELABLE_PAYMENT", "취소 할 수 없는 결제 입니다.");
    else if (payment.method === "virtual-account" && refundReceiveAccount === undefined)
      return fail(
        400,
        "INVALID_REQUEST",
        "가상계좌 결제 취소에는 환불받을 계좌 정보(refundReceiveAccount)가 필요합니다.",
      );
    if (amount > payment.balanceAmount) return fail(403, "NOT_CANCELABLE_AMOUNT", "취소 할 수 없는 금액 입니다.");
    if (throughApi) {
      const now = Date.now();
      if (now - (this.lastCancelAt.get(paymentKey) ?? 0) < 1_000)
        return {
          ...fail(
            403,
            "FORBIDDEN_CONSECUTIVE_REQUEST",
            "반복적인 요청은 허용되지 않습니다. 잠시 후 다시 시도해주세요.",
          ),
          unprocessed: true,
        };
      this.lastCancelAt.set(paymentKey, now);
    }
    payment.balanceAmount -= amount;
    payment.status = payment.balanceAmount === 0 ? "CANCELED" : "PARTIAL_CANCELED";
    // The cancel and its line in the transactions API are one transaction at Toss: one key, one time.
    const transaction = this.recordTransaction(payment, payment.status, amount);
    payment.cancels.push({
      transactionKey: transaction.transactionKey,
      cancelReason,
      taxExemptionAmount: 0,
      canceledAt: transaction.transactionAt.toISOString(),
      easyPayDiscountAmount: 0,
      receiptKey: null,
      cancelStatus: "DONE",
      cancelRequestId: null,
      cancelAmount: amount,
      taxFreeAmount: 0,
      refundableAmount: payment.balanceAmount,
    });
    return { status: 200, body: JSON.stringify(this.paymentObject(payment)) };
  }

  private confirm(headers: IncomingHttpHeaders, body: string): Answer {
    const request = jsonBody(headers, body);
    if (!request) return invalidRequest();
    const { paymentKey, orderId, amount } = request;
    if (typeof paymentKey !== "string" || typeof orderId !== "string" || typeof amount !== "number")
      return fail(400, "INVALID_REQUEST", "잘못된 요청입니다.");
    const payment = this.payments.get(paymentKey);
    if (!payment) return fail(404, "NOT_FOUND_PAYMENT", "존재하지 않는 결제 정보 입니다.");
    if (payment.orderId !== orderId || payment.amount !== amount)
      return fail(400, "INVALID_REQUEST", "결제 정보가 일치하지 않습니다.");
    if (payment.status !== "IN_PROGRESS") return fail(400, "ALREADY_PROCESSED_PAYMENT", "이미 처리된 결제 입니다.");
    if (payment.method === "card") {
      payment.status = "DONE";
      payment.approvedAt = new Date().toISOString();
    } else {
      payment.status = "WAITING_FOR_DEPOSIT";
      payment.secret = `ps_${randomBytes(14).toString("base64url")}`;
      payment.dueDate = new Date(Date.now() + 3 * 86_400_000).toISOString();
    }
    this.recordTransaction(payment, payment.status, payment.amount);
    return { status: 200, body: JSON.stringify(this.paymentObject(payment)) };
  }

  // --- Reads by order and the transactions API (lookups and reconciliation) ---

  private recordTransaction(payment: StoredPayment, status: string, amount: number): StoredTransaction {
    const transaction = {
      transactionKey: `txrd_${randomBytes(12).toString("hex")}`,
      paymentKey: payment.paymentKey,
      orderId: payment.orderId,
      status,
      amount,
      transactionAt: (this.options.now ?? (() => new Date()))(),
    };
    this.transactions.push(transaction);
    return transaction;
  }

  /** Answers `GET /v1/payments/orders/{orderId}` and `GET /v1/transactions`; false for any other path. */
  private answerReconciliationRead(path: string, response: ServerResponse): boolean {
    const url = new URL(path, "http://stand-in");
    const byOrder = /^\/v1\/payments\/orders\/([^/]+)$/.exec(url.pathname);
    if (byOrder) {
      const orderId = decodeURIComponent(byOrder[1]!);
      const payment = [...this.payments.values()].findLast((candidate) => candidate.orderId === orderId);
      if (!payment) tossError(response, 404, "NOT_FOUND_PAYMENT", "존재하지 않는 결제 정보 입니다.");
      else {
        response.writeHead(200, JSON_HEADERS);
        response.end(JSON.stringify(this.paymentObject(payment)));
      }
      return true;
    }
    if (url.pathname !== "/v1/transactions") return false;
    const answer = this.listTransactions(url.searchParams);
    if ("code" in answer) tossError(response, 400, answer.code, answer.message);
    else {
      response.writeHead(200, JSON_HEADERS);
      response.end(JSON.stringify(answer.page));
    }
    return true;
  }

  private listTransactions(
    query: URLSearchParams,
  ): { page: Record<string, unknown>[] } | { code: string; message: string } {
    const invalid = { code: "INVALID_REQUEST", message: "잘못된 요청입니다." };
    const start = parseKoreanTime(query.get("startDate"));
    // An endDate to the second takes in that whole second.
    const endText = query.get("endDate");
    const end =
      parseKoreanTime(endText) === null ? null : parseKoreanTime(endText)! + (endText!.includes(".") ? 0 : 999);
    if (start === null || end === null || start > end) return invalid;
    const limitText = query.get("limit") ?? "100";
    const limit = /^\d+$/.test(limitText) ? Number(limitText) : NaN;
    if (!(limit >= 1 && limit <= 5000)) return invalid;
    const inPeriod = this.transactions
      .filter((t) => t.transactionAt.getTime() >= start && t.transactionAt.getTime() <= end)
      .sort((a, b) => a.transactionAt.getTime() - b.transactionAt.getTime());
    const after = query.get("startingAfter");
    let from = 0;
    if (after !== null) {
      const index = inPeriod.findIndex((t) => t.transactionKey === after);
      if (index < 0) return { code: "INVALID_TRANSACTION_KEY", message: "잘못된 페이징 키 입니다." };
      from = index + 1;
    }
    return {
      page: inPeriod.slice(from, from + limit).map((t) => ({
        mId: "tosspayments",
        transactionKey: t.transactionKey,
        paymentKey: t.paymentKey,
        orderId: t.orderId,
        method: this.stored(t.paymentKey).method === "card" ? "카드" : "가상계좌",
        customerKey: null,
        useEscrow: false,
        receiptUrl: `https://dashboard.tosspayments.com/receipt/redirection?transactionId=${t.transactionKey}&ref=PX`,
        status: t.status,
        transactionAt: koreanOffsetTime(t.transactionAt),
        currency: "KRW",
        amount: t.amount,
      })),
    };
  }

  /** Toss's Payment object, in the fields the documentation lists (abridged where the product reads nothing). */
  private paymentObject(payment: StoredPayment): Record<string, unknown> {
    const virtualAccount = payment.method === "virtual-account" && payment.dueDate !== null;
    return {
      mId: "tosspayments",
      version: "2022-11-16",
      lastTransactionKey: randomUUID().replaceAll("-", "").toUpperCase(),
      paymentKey: payment.paymentKey,
      orderId: payment.orderId,
      orderName: "포인트",
      status: payment.status,
      requestedAt: new Date().toISOString(),
      approvedAt: payment.approvedAt,
      type: "NORMAL",
      method: payment.method === "card" ? "카드" : "가상계좌",
      currency: "KRW",
      totalAmount: payment.amount,
      balanceAmount: payment.balanceAmount,
      card: payment.method === "card" ? { number: "43301234****123*", installmentPlanMonths: 0 } : null,
      virtualAccount: virtualAccount
        ? {
            accountType: "일반",
            accountNumber: "X6505636518308",
            bankCode: "20",
            customerName: "홍길동",
            dueDate: payment.dueDate,
            expired: false,
            settlementStatus: "INCOMPLETED",
            refundStatus: "NONE",
          }
        : null,
      secret: payment.secret,
      receipt: {
        url: `https://dashboard.tosspayments.com/receipt/redirection?transactionId=${payment.paymentKey}&ref=PX`,
      },
      failure: null,
      cancels: payment.cancels.length === 0 ? null : structuredClone(payment.cancels),
    };
  }
}

function fail(status: number, code: string, message: string): Answer {
  return { status, body: JSON.stringify({ code, message }) };
}

function invalidRequest(): Answer {
  return fail(400, "INVALID_REQUEST", "잘못된 요청입니다.");
}

/** A JSON object sent as `application/json`, or null (Toss answers 400 INVALID_REQUEST). */
function jsonBody(headers: IncomingHttpHeaders, body: string): Record<string, unknown> | null {
  if (!String(headers["content-type"]).startsWith("application/json")) return null;
  try {
    const parsed: unknown = JSON.parse(body);
    return typeof parsed === "object" && parsed !== null && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

const KOREAN_OFFSET_MS = 9 * 3_600_000;

/** Toss's query dates: Korean time without a zone, to the second or the millisecond. */
function parseKoreanTime(text: string | null): number | null {
  if (!text || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?$/.test(text)) return null;
  const instant = Date.parse(`${text}Z`) - KOREAN_OFFSET_MS;
  return Number.isNaN(instant) ? null : instant;
}

/** `2026-01-31T09:00:00+09:00`, as Toss writes its dates. */
function koreanOffsetTime(instant: Date): string {
  return `${new Date(instant.getTime() + KOREAN_OFFSET_MS).toISOString().slice(0, 19)}+09:00`;
}
