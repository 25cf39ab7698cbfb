/**
 * Toss Payments' core API (https://api.tosspayments.com/v1), which has no official
 * server package: plain REST with HTTP Basic auth (the secret key as the user name,
 * an empty password) and errors as `{code, message}`. Only the calls the product
 * needs: confirm a payment the buyer authenticated, read a payment back (by its key or
 * by our order id), cancel it (a refund, in full or in part), and list transactions for
 * reconciliation. Toss's Payment object stops here: the rest of the code sees `TossPayment`.
 */
import { z } from "zod";
import { koreanLocalTime } from "../clock/korean-calendar";

/** The documented statuses of a Payment object. */
export const TOSS_PAYMENT_STATUSES = [
  "READY",
  "IN_PROGRESS",
  "WAITING_FOR_DEPOSIT",
  "DONE",
  "CANCELED",
  "PARTIAL_CANCELED",
  "ABORTED",
  "EXPIRED",
] as const;
export type TossPaymentStatus = (typeof TOSS_PAYMENT_STATUSES)[number];

/** The documented states of one cancel (a refund) in a Payment's `cancels`. */
export const TOSS_CANCEL_STATUSES = ["DONE", "IN_PROGRESS", "ABORTED"] as const;
export type TossCancelStatus = (typeof TOSS_CANCEL_STATUSES)[number];

/** One entry of a Payment's `cancels`: a cancel we asked for, or one made in Toss's dashboard. */
export interface TossCancel {
  /** Toss's id of this cancel. */
  transactionKey: string;
  cancelAmount: number;
  /** The reason given with the cancel; ours carry our refund id (lib/payments/toss-payment-provider.ts). */
  cancelReason: string;
  canceledAt: string | null;
  /** Null from an API version older than the field: such entries were only ever written once done. */
  cancelStatus: TossCancelStatus | null;
}

/** What the product reads of Toss's Payment object: no card numbers, no names, no account numbers. */
export interface TossPayment {
  paymentKey: string;
  orderId: string;
  status: TossPaymentStatus;
  totalAmount: number;
  /** What is left after cancellations: totalAmount minus every amount given back. */
  balanceAmount: number;
  currency: string;
  receiptUrl: string | null;
  /** When Toss approved it (a card at confirm, a virtual account at its deposit); null before. */
  approvedAt: string | null;
  /** Virtual accounts: the value the DEPOSIT_CALLBACK webhook must carry. */
  secret: string | null;
  /** Virtual accounts: when the account stops taking the deposit. */
  depositDueDate: string | null;
  /** Paid into a virtual account: Toss refunds it only to a bank account the buyer names. */
  isVirtualAccount: boolean;
  /** Oldest first, as Toss lists them. */
  cancels: TossCancel[];
}

/** The body of a cancel: without `cancelAmount` Toss cancels the whole payment. */
export interface TossCancelRequest {
  cancelReason: string;
  cancelAmount?: number;
}

const paymentSchema = z.object({
  paymentKey: z.string().min(1),
  orderId: z.string().min(1),
  status: z.enum(TOSS_PAYMENT_STATUSES),
  totalAmount: z.number().int(),
  currency: z.string(),
  receipt: z.object({ url: z.string() }).nullish(),
  approvedAt: z.string().nullish(),
  secret: z.string().nullish(),
  virtualAccount: z.object({ dueDate: z.string().nullish() }).nullish(),
  method: z.string().nullish(),
  balanceAmount: z.number().int().nullish(),
  cancels: z
    .array(
      z.object({
        transactionKey: z.string().min(1),
        cancelAmount: z.number().int(),
        cancelReason: z.string().nullish(),
        canceledAt: z.string().nullish(),
        cancelStatus: z.enum(TOSS_CANCEL_STATUSES).nullish(),
      }),
    )
    .nullish(),
});

/** `method` is in Korean in API version 2022-11-16 and in English when asked in English. */
const VIRTUAL_ACCOUNT_METHODS = new Set(["가상계좌", "VIRTUAL_ACCOUNT"]);
/** One approval or cancellation of a payment, as Toss's transactions API lists it. */
export interface TossTransaction {
  transactionKey: string;
  paymentKey: string;
  orderId: string;
  status: string;
  amount: number;
  currency: string;
  transactionAt: string;
}

const transactionSchema = z.object({
  transactionKey: z.string().min(1),
  paymentKey: z.string().min(1),
  orderId: z.string().min(1),
  status: z.string(),
  amount: z.number().int(),
  currency: z.string(),
  transactionAt: z.string(),
});

export interface TossTransactionsRequest {
  /** Toss reads the period in Korean time, to the millisecond, both ends included. */
  from: Date;
  to: Date;
  /** The last transactionKey of the previous page. */
  startingAfter?: string;
  limit: number;
}

const errorSchema = z.object({ code: z.string(), message: z.string() });

/**
 * Toss's refusals that a later attempt may get past (a moment's error, a repeated
 * request, bank hours, the same key still being processed), and those that say our
 * configuration is wrong: neither is a refusal of the refund itself.
 */
const RETRYABLE_TOSS_CODES = new Set([
  "PROVIDER_ERROR",
  "FORBIDDEN_CONSECUTIVE_REQUEST",
  "NOT_AVAILABLE_BANK",
  "IDEMPOTENT_REQUEST_PROCESSING",
  "UNAUTHORIZED_KEY",
  "INVALID_API_KEY",
  "INCORRECT_BASIC_AUTH_FORMAT",
]);

/** Whether Toss's refusal may pass on a later attempt (or is our configuration's fault), rather than refuse the request itself. */
export function isRetryableTossCode(code: string): boolean {
  return RETRYABLE_TOSS_CODES.has(code);
}

/** Toss answered with its error object; `code` is Toss's (e.g. ALREADY_PROCESSED_PAYMENT). */
export class TossApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(`Toss ${status} ${code}: ${message}`);
  }
}

/** Toss could not be reached, timed out, or answered something that is not its API. */
export class TossUnavailableError extends Error {}

export interface TossPaymentsApiOptions {
  secretKey: string;
  /** https://api.tosspayments.com, or a stand-in's address in tests. */
  baseUrl: string;
  timeoutMs: number;
  /** Extra attempts after a timeout, a lost connection or a 5xx; POSTs repeat their Idempotency-Key. */
  retries?: number;
}

export interface TossConfirmRequest {
  paymentKey: string;
  orderId: string;
  amount: number;
}

export class TossPaymentsApi {
  private readonly authorization: string;

  constructor(private readonly options: TossPaymentsApiOptions) {
    this.authorization = `Basic ${Buffer.from(`${options.secretKey}:`).toString("base64")}`;
  }

  /**
   * POST /v1/payments/confirm. A retried confirm carries the same Idempotency-Key, so
   * Toss answers it with the first attempt's result instead of confirming twice.
   */
  confirm(request: TossConfirmRequest, idempotencyKey: string): Promise<TossPayment> {
    return this.send("POST", "/v1/payments/confirm", request, idempotencyKey);
  }

  /**
   * POST /v1/payments/{paymentKey}/cancel. Toss keys idempotency on the key, the API key,
   * the URL and the method (not the body): a retry with the same key is answered with
   * the first attempt's result and cancels nothing more.
   */
  cancel(paymentKey: string, request: TossCancelRequest, idempotencyKey: string): Promise<TossPayment> {
    return this.send("POST", `/v1/payments/${encodeURIComponent(paymentKey)}/cancel`, request, idempotencyKey);
  }

  /** GET /v1/payments/{paymentKey}: the payment as Toss holds it now. */
  getPayment(paymentKey: string): Promise<TossPayment> {
    return this.send("GET", `/v1/payments/${encodeURIComponent(paymentKey)}`);
  }

  /** GET /v1/payments/orders/{orderId}: the payment opened for our order; 404 NOT_FOUND_PAYMENT when none was. */
  getPaymentByOrderId(orderId: string): Promise<TossPayment> {
    return this.send("GET", `/v1/payments/orders/${encodeURIComponent(orderId)}`);
  }

  /**
   * GET /v1/transactions: one page of the approvals and cancellations processed in the
   * period (by transactionAt), oldest first; the next page starts after the last key.
   */
  async listTransactions(request: TossTransactionsRequest): Promise<TossTransaction[]> {
    // Toss reads a date-time without a zone as Korean time.
    const query = new URLSearchParams({
      startDate: koreanLocalTime(request.from),
      endDate: koreanLocalTime(request.to),
    });
    if (request.startingAfter) query.set("startingAfter", request.startingAfter);
    query.set("limit", String(request.limit));
    const path = `/v1/transactions?${query.toString()}`;
    const json = await this.withRetries(() => this.sendOnce("GET", path, undefined, undefined));
    const parsed = z.array(transactionSchema).safeParse(json);
    if (!parsed.success) throw new TossUnavailableError(`Toss GET /v1/transactions: not a list of transactions`);
    return parsed.data;
  }

  private async send(
    method: "GET" | "POST",
    path: string,
    body?: unknown,
    idempotencyKey?: string,
  ): Promise<TossPayment> {
    const json = await this.withRetries(() => this.sendOnce(method, path, body, idempotencyKey));
    const parsed = paymentSchema.safeParse(json);
    if (!parsed.success) throw new TossUnavailableError(`Toss ${method} ${path}: not a Payment object`);
    const payment = parsed.data;
    return {
      paymentKey: payment.paymentKey,
      orderId: payment.orderId,
      status: payment.status,
      totalAmount: payment.totalAmount,
      balanceAmount: payment.balanceAmount ?? payment.totalAmount,
      currency: payment.currency,
      receiptUrl: payment.receipt?.url ?? null,
      approvedAt: payment.approvedAt ?? null,
      secret: payment.secret ?? null,
      depositDueDate: payment.virtualAccount?.dueDate ?? null,
      isVirtualAccount: Boolean(payment.virtualAccount) || VIRTUAL_ACCOUNT_METHODS.has(payment.method ?? ""),
      cancels: (payment.cancels ?? []).map((cancel) => ({
        transactionKey: cancel.transactionKey,
        cancelAmount: cancel.cancelAmount,
        cancelReason: cancel.cancelReason ?? "",
        canceledAt: cancel.canceledAt ?? null,
        cancelStatus: cancel.cancelStatus ?? null,
      })),
    };
  }

  private async withRetries(attempt: () => Promise<unknown>): Promise<unknown> {
    for (let retriesLeft = this.options.retries ?? 2; ; retriesLeft--) {
      try {
        return await attempt();
      } catch (error) {
        if (!(error instanceof TossUnavailableError) || retriesLeft === 0) throw error;
      }
    }
  }

  private async sendOnce(
    method: "GET" | "POST",
    path: string,
    body: unknown,
    idempotencyKey: string | undefined,
  ): Promise<unknown> {
    const headers: Record<string, string> = { authorization: this.authorization };
    if (body !== undefined) headers["content-type"] = "application/json";
    if (idempotencyKey) headers["idempotency-key"] = idempotencyKey;
    let response: Response;
    let text: string;
    try {
      response = await fetch(new URL(path, this.options.baseUrl), {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(this.options.timeoutMs),
      });
      text = await response.text();
    } catch (error) {
      throw new TossUnavailableError(`Toss ${method} ${path}: ${(error as Error).name}`);
    }
    if (response.status >= 500) throw new TossUnavailableError(`Toss ${method} ${path}: HTTP ${response.status}`);
    const json = parseJson(text);
    if (!response.ok) {
      const parsed = errorSchema.safeParse(json);
      if (!parsed.success) throw new TossUnavailableError(`Toss ${method} ${path}: HTTP ${response.status}`);
      throw new TossApiError(response.status, parsed.data.code, parsed.data.message);
    }
    return json;
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
