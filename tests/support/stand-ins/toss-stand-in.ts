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
 * - `Idempotency-Key` on a POST: the same key answers the first answer again;
 * - `GET /v1/payments/{paymentKey}` reads a payment back (404 NOT_FOUND_PAYMENT);
 * - `GET /v1/payments/orders/{orderId}` reads the order's payment (404 NOT_FOUND_PAYMENT);
 * - `GET /v1/transactions?startDate&endDate[&startingAfter][&limit]` lists approvals and
 *   cancellations processed in the period, oldest first: both dates required, in Toss's
 *   zoneless Korean time (`2026-01-31T09:00:00` or with `.000`), both included; limit
 *   1 to 5,000 (100 unless given); startingAfter a transactionKey it gave, else 400
 *   INVALID_TRANSACTION_KEY;
 * - anything else is 404 NOT_FOUND.
 * A deposit into a virtual account posts both events Toss sends for it
 * (DEPOSIT_CALLBACK and PAYMENT_STATUS_CHANGED). It records every request it receives.
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

interface StoredPayment {
  paymentKey: string;
  orderId: string;
  amount: number;
  method: TossMethod;
  status: string;
  secret: string | null;
  approvedAt: string | null;
  dueDate: string | null;
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
  /** Money given back per paymentKey, for the Payment object's balanceAmount. */
  private readonly givenBack = new Map<string, number>();
  private readonly idempotentAnswers = new Map<string, { status: number; body: string }>();
  private confirmDelays: number[] = [];
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
    });
    return paymentKey;
  }

  /** The next confirm is carried out at once but answered only after `ms` (a response lost to a timeout). */
  delayNextConfirmAnswer(ms: number): void {
    this.confirmDelays.push(ms);
  }

  /** Changes a payment as Toss's side would (a cancel in the dashboard, an expiry), without telling anyone. */
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
    if (method === "POST" && path === "/v1/payments/confirm") {
      const key = headers["idempotency-key"];
      if (typeof key === "string" && key.length > 300)
        return tossError(response, 400, "INVALID_REQUEST", "Idempotency-Key는 300자 이하여야 합니다.");
      const replay = typeof key === "string" ? this.idempotentAnswers.get(key) : undefined;
      const answer = replay ?? this.confirm(headers, body);
      if (typeof key === "string" && !replay) this.idempotentAnswers.set(key, answer);
      const delay = this.confirmDelays.shift();
      if (delay) await new Promise((resolve) => setTimeout(resolve, delay));
      response.writeHead(answer.status, JSON_HEADERS);
      response.end(answer.body);
      return;
    }
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

  // --- Reads by order and the transactions API (lookups and reconciliation) ---

  /** Money goes back at Toss's side (a cancel in its dashboard): the payment and a cancel transaction change. */
  cancelAtToss(paymentKey: string, amount: number): void {
    const payment = this.stored(paymentKey);
    const givenBack = (this.givenBack.get(paymentKey) ?? 0) + amount;
    this.givenBack.set(paymentKey, givenBack);
    payment.status = givenBack >= payment.amount ? "CANCELED" : "PARTIAL_CANCELED";
    this.recordTransaction(payment, payment.status, amount);
  }

  private recordTransaction(payment: StoredPayment, status: string, amount: number): void {
    this.transactions.push({
      transactionKey: `txrd_${randomBytes(12).toString("hex")}`,
      paymentKey: payment.paymentKey,
      orderId: payment.orderId,
      status,
      amount,
      transactionAt: (this.options.now ?? (() => new Date()))(),
    });
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

  private confirm(headers: IncomingHttpHeaders, body: string): { status: number; body: string } {
    const fail = (status: number, code: string, message: string) => ({
      status,
      body: JSON.stringify({ code, message }),
    });
    if (!String(headers["content-type"]).startsWith("application/json"))
      return fail(400, "INVALID_REQUEST", "잘못된 요청입니다.");
    let request: Record<string, unknown>;
    try {
      request = JSON.parse(body) as Record<string, unknown>;
    } catch {
      return fail(400, "INVALID_REQUEST", "잘못된 요청입니다.");
    }
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
      balanceAmount: payment.amount - (this.givenBack.get(payment.paymentKey) ?? 0),
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
      cancels: null,
    };
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
