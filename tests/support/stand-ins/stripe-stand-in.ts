/**
 * A local Stripe that speaks its HTTP API as documented, and as strictly, for what we
 * use: `Authorization: Bearer sk_…` on every call (401 otherwise); form-encoded bodies
 * with bracketed keys (`line_items[0][price_data][currency]`), as the official package
 * sends them; `Idempotency-Key` honoured as Stripe honours it (the same key with the same
 * request replays the first answer with `Idempotent-Replayed: true`, with other
 * parameters it is a 400 idempotency_error); `POST /v1/checkout/sessions` validating
 * its parameters (missing, unknown, wrong type) and `GET /v1/checkout/sessions/{id}`
 * with `expand[]`; `GET /v1/checkout/sessions` listing them newest first, with
 * `created[gte|gt|lte|lt]`, `limit` (1 to 100), `starting_after` and `expand[]=data.…`;
 * errors in Stripe's shape `{error: {type, code, message, param}}`.
 * Tests move a session on (paid, unpaid, async success or failure, expired), and the
 * stand-in posts the event signed as Stripe signs (`Stripe-Signature: t=…,v1=…`,
 * HMAC-SHA256 of `t.body` keyed by the whole `whsec_` secret). A browser pays or
 * cancels on the session's `url`, a small hosted page served here. It records every
 * request it receives and every delivery it makes.
 *
 * Refunds and disputes: `POST /v1/refunds` (of a PaymentIntent or a charge; refuses
 * as Stripe does: charge_already_refunded, charge_disputed, more than is left, a payment
 * with no successful charge, resource_missing), `GET /v1/refunds` and `GET /v1/disputes`
 * filtered by payment_intent and paginated (`limit`, `starting_after`, newest first),
 * `GET /v1/refunds/{id}`, `GET /v1/disputes/{id}`, `GET /v1/charges/{id}`, and
 * `GET /v1/checkout/sessions?payment_intent=`. Tests refund or dispute a payment "in
 * the dashboard" and deliver `charge.refunded` (the Charge) or `charge.dispute.*` (the
 * Dispute) signed, as Stripe would.
 */
import { createHmac, randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";

export interface ReceivedRequest {
  method: string;
  path: string;
  query: string;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

export interface SignedDelivery {
  headers: Record<string, string>;
  body: string;
}

export interface Delivery {
  eventId: string;
  type: string;
  status: number;
}

export interface StripeStandInOptions {
  /** Hands a signed event to the app (its /api/webhooks/stripe); gives its answer. */
  deliver: (delivery: SignedDelivery) => Promise<Response>;
}

type Params = Record<string, unknown>;

interface StoredCharge {
  id: string;
  object: "charge";
  amount: number;
  amount_captured: number;
  amount_refunded: number;
  captured: boolean;
  created: number;
  currency: string;
  disputed: boolean;
  livemode: false;
  metadata: Record<string, string>;
  paid: boolean;
  refunded: boolean;
  status: "succeeded" | "pending" | "failed";
  payment_intent: string;
  receipt_url: string;
}

export interface StripeStoredRefund {
  id: string;
  object: "refund";
  amount: number;
  balance_transaction: string | null;
  charge: string;
  created: number;
  currency: string;
  destination_details: null;
  metadata: Record<string, string>;
  payment_intent: string;
  reason: string | null;
  receipt_number: null;
  source_transfer_reversal: null;
  status: "succeeded" | "pending" | "requires_action" | "failed" | "canceled";
  transfer_reversal: null;
}

export interface StripeStoredDispute {
  id: string;
  object: "dispute";
  amount: number;
  balance_transactions: string[];
  charge: string;
  created: number;
  currency: string;
  evidence: Record<string, null>;
  is_charge_refundable: boolean;
  livemode: false;
  metadata: Record<string, string>;
  payment_intent: string;
  reason: string;
  status: string;
}

interface StoredPaymentIntent {
  id: string;
  object: "payment_intent";
  amount: number;
  currency: string;
  status: "succeeded" | "processing" | "requires_payment_method";
  latest_charge: string | null;
}

interface StoredSession {
  id: string;
  object: "checkout.session";
  mode: string;
  status: "open" | "complete" | "expired";
  payment_status: "paid" | "unpaid";
  amount_subtotal: number;
  amount_total: number;
  currency: string;
  client_reference_id: string | null;
  metadata: Record<string, string>;
  success_url: string;
  cancel_url: string | null;
  url: string | null;
  payment_intent: string | null;
  customer: null;
  customer_details: null;
  customer_email: string | null;
  livemode: false;
  created: number;
  expires_at: number;
}

interface StoredEvent {
  id: string;
  type: string;
  body: string;
}

class StripeError extends Error {
  constructor(
    readonly status: number,
    readonly body: { type: string; message: string; code?: string; param?: string },
  ) {
    super(body.message);
  }
}

const missing = (param: string) =>
  new StripeError(400, {
    type: "invalid_request_error",
    code: "parameter_missing",
    param,
    message: `Missing required param: ${param}.`,
  });
const unknown = (param: string) =>
  new StripeError(400, {
    type: "invalid_request_error",
    code: "parameter_unknown",
    param,
    message: `Received unknown parameter: ${param}`,
  });
const invalid = (param: string, code: string, message: string) =>
  new StripeError(400, { type: "invalid_request_error", code, param, message });

/** The Checkout Session parameters Stripe documents, of which we send a few. */
const SESSION_PARAMS = new Set([
  "mode",
  "line_items",
  "success_url",
  "cancel_url",
  "client_reference_id",
  "metadata",
  "customer",
  "customer_email",
  "expires_at",
  "locale",
  "payment_intent_data",
  "payment_method_types",
  "ui_mode",
  "currency",
  "allow_promotion_codes",
  "submit_type",
]);
const LINE_ITEM_PARAMS = new Set(["price", "price_data", "quantity", "adjustable_quantity", "tax_rates"]);
const PRICE_DATA_PARAMS = new Set([
  "currency",
  "product",
  "product_data",
  "unit_amount",
  "unit_amount_decimal",
  "tax_behavior",
  "recurring",
]);
const PRODUCT_DATA_PARAMS = new Set(["name", "description", "images", "metadata", "tax_code"]);
const REFUND_PARAMS = new Set([
  "amount",
  "charge",
  "currency",
  "customer",
  "expand",
  "instructions_email",
  "metadata",
  "origin",
  "payment_intent",
  "reason",
  "refund_application_fee",
  "reverse_transfer",
]);
const REFUND_REASONS = new Set(["duplicate", "fraudulent", "requested_by_customer"]);
const SESSION_EXPANDABLE = new Set(["payment_intent", "payment_intent.latest_charge", "customer", "line_items"]);
const LIST_PARAMS = new Set([
  "created",
  "customer",
  "customer_details",
  "ending_before",
  "expand",
  "limit",
  "payment_intent",
  "payment_link",
  "starting_after",
  "status",
  "subscription",
]);

/** `created` as a list takes it: a timestamp, or a range of gt, gte, lt, lte. */
function createdFilter(created: unknown): (at: number) => boolean {
  if (created === undefined) return () => true;
  if (typeof created === "string") {
    const exactly = integer(created, "created", 0);
    return (at) => at === exactly;
  }
  if (typeof created !== "object" || created === null)
    throw invalid("created", "parameter_invalid_integer", "Invalid integer");
  const range = created as Params;
  only(range, new Set(["gt", "gte", "lt", "lte"]), "created");
  const bound = (key: string) => (range[key] === undefined ? null : integer(range[key], `created[${key}]`, 0));
  const [gt, gte, lt, lte] = [bound("gt"), bound("gte"), bound("lt"), bound("lte")];
  return (at) =>
    (gt === null || at > gt) && (gte === null || at >= gte) && (lt === null || at < lt) && (lte === null || at <= lte);
}

const CURRENCIES = new Set(["usd", "krw", "eur", "gbp", "jpy"]);
/** Amounts Stripe takes in whole units (stripe.com/docs/currencies#zero-decimal). */
const ZERO_DECIMAL_CURRENCIES = new Set(["krw", "jpy"]);

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/**
 * Parses a form body (or query) the way Stripe reads it: `a[b][0][c]=v` nests, numeric
 * keys make arrays.
 */
export function parseStripeForm(text: string): Params {
  const root: Params = {};
  for (const [key, value] of new URLSearchParams(text)) {
    const path = key.replace(/\]/g, "").split("[");
    let node: Record<string, unknown> = root;
    path.forEach((segment, index) => {
      if (index === path.length - 1) {
        node[segment] = value;
        return;
      }
      const next = node[segment];
      if (typeof next !== "object" || next === null) node[segment] = {};
      node = node[segment] as Record<string, unknown>;
    });
  }
  return toArrays(root) as Params;
}

function toArrays(value: unknown): unknown {
  if (typeof value !== "object" || value === null) return value;
  const entries = Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, toArrays(v)] as const);
  if (entries.length > 0 && entries.every(([k]) => /^\d+$/.test(k)))
    return entries.sort(([a], [b]) => Number(a) - Number(b)).map(([, v]) => v);
  return Object.fromEntries(entries);
}

function object(value: unknown, param: string): Params {
  if (typeof value !== "object" || value === null || Array.isArray(value))
    throw invalid(param, "parameter_invalid_empty", `Invalid object: ${param}`);
  return value as Params;
}

function only(params: Params, allowed: Set<string>, prefix: string): void {
  for (const key of Object.keys(params)) if (!allowed.has(key)) throw unknown(prefix ? `${prefix}[${key}]` : key);
}

function integer(value: unknown, param: string, min: number): number {
  if (typeof value !== "string" || !/^-?\d+$/.test(value))
    throw invalid(param, "parameter_invalid_integer", `Invalid integer: ${String(value)}`);
  const number = Number(value);
  if (number < min)
    throw invalid(param, "parameter_invalid_integer", `This value must be greater than or equal to ${min}.`);
  return number;
}

function metadataOf(value: unknown): Record<string, string> {
  const metadata = value === undefined ? {} : object(value, "metadata");
  for (const [key, entry] of Object.entries(metadata)) {
    if (key.length > 40)
      throw invalid(`metadata[${key}]`, "parameter_invalid_string", "Metadata keys can be at most 40 characters.");
    if (typeof entry !== "string" || entry.length > 500)
      throw invalid(`metadata[${key}]`, "parameter_invalid_string", "Metadata values can be at most 500 characters.");
  }
  return metadata as Record<string, string>;
}

function text(value: unknown, param: string): string {
  if (typeof value !== "string") throw invalid(param, "parameter_invalid_string", `Invalid string: ${param}`);
  return value;
}

function noSuch(kind: string, param: string, id: string): StripeError {
  return new StripeError(404, {
    type: "invalid_request_error",
    code: "resource_missing",
    param,
    message: `No such ${kind}: '${id}'`,
  });
}

/** A page of a Stripe list, newest first: `limit` (1 to 100, 10 by default) after `starting_after`. */
function page<T extends { id: string }>(url: string, newestFirst: T[], params: Params): Params {
  const limit = params.limit === undefined ? 10 : integer(params.limit, "limit", 1);
  if (limit > 100) throw invalid("limit", "parameter_invalid_integer", "This value must be less than or equal to 100.");
  let start = 0;
  if (params.starting_after !== undefined) {
    const after = text(params.starting_after, "starting_after");
    const index = newestFirst.findIndex((item) => item.id === after);
    if (index < 0) throw noSuch("object", "starting_after", after);
    start = index + 1;
  }
  const data = newestFirst.slice(start, start + limit);
  return { object: "list", url, has_more: start + limit < newestFirst.length, data };
}

function url(value: unknown, param: string): string {
  if (typeof value !== "string" || !/^https?:\/\/[^\s]+$/.test(value))
    throw invalid(param, "url_invalid", `Not a valid URL`);
  return value;
}

export class StripeStandIn {
  readonly secretKey = `sk_test_${randomBytes(12).toString("hex")}`;
  readonly webhookSecret = `whsec_${randomBytes(16).toString("hex")}`;
  readonly apiVersion: string;
  readonly received: ReceivedRequest[] = [];
  readonly deliveries: Delivery[] = [];
  private readonly sessions = new Map<string, StoredSession>();
  private readonly paymentIntents = new Map<string, StoredPaymentIntent>();
  private readonly charges = new Map<string, StoredCharge>();
  private readonly events = new Map<string, StoredEvent>();
  private readonly idempotency = new Map<string, { request: string; status: number; body: string }>();
  private readonly refunds = new Map<string, StripeStoredRefund>();
  private readonly disputes = new Map<string, StripeStoredDispute>();
  private readonly refundAnswerDelays: number[] = [];
  /** The line items' product names of each session, for its hosted page. */
  private readonly productNames = new Map<string, string[]>();
  /** How many session reads still answer 500 api_error, as Stripe does in an incident. */
  failingReads = 0;
  /** The status new refunds take: Stripe's card refunds succeed at once, others stay pending for days. */
  newRefundStatus: StripeStoredRefund["status"] = "succeeded";
  private server: Server | undefined;
  private port = 0;

  constructor(
    private readonly options: StripeStandInOptions,
    /** The API version events are rendered in: the webhook endpoint's (ours, pinned). */
    apiVersion = "2026-10-28.endive",
  ) {
    this.apiVersion = apiVersion;
  }

  get baseUrl(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    this.server = createServer((request, response) => void this.handle(request, response));
    await new Promise<void>((resolve) => this.server!.listen(0, "127.0.0.1", resolve));
    const address = this.server.address();
    if (typeof address !== "object" || address === null) throw new Error("The Stripe stand-in has no port.");
    this.port = address.port;
  }

  async close(): Promise<void> {
    await new Promise((resolve) => this.server?.close(resolve));
  }

  session(id: string): StoredSession {
    const session = this.sessions.get(id);
    if (!session) throw new Error(`No session ${id} in the stand-in.`);
    return session;
  }

  /** The buyer finishes Checkout: paid by card, or (`paid: false`) by a delayed method still pending. */
  async complete(sessionId: string, { paid }: { paid: boolean }): Promise<Delivery> {
    const session = this.session(sessionId);
    if (session.status !== "open") throw new Error(`Session ${sessionId} is ${session.status}.`);
    session.status = "complete";
    session.url = null;
    this.createPaymentIntent(session, paid);
    return this.emit("checkout.session.completed", sessionId);
  }

  /** The delayed method's money arrived. */
  async asyncPaymentSucceeds(sessionId: string): Promise<Delivery> {
    const session = this.session(sessionId);
    session.payment_status = "paid";
    this.settle(session, "succeeded");
    return this.emit("checkout.session.async_payment_succeeded", sessionId);
  }

  async asyncPaymentFails(sessionId: string): Promise<Delivery> {
    this.settle(this.session(sessionId), "failed");
    return this.emit("checkout.session.async_payment_failed", sessionId);
  }

  async expire(sessionId: string): Promise<Delivery> {
    const session = this.session(sessionId);
    if (session.status !== "open") throw new Error(`Session ${sessionId} is ${session.status}.`);
    session.status = "expired";
    session.url = null;
    return this.emit("checkout.session.expired", sessionId);
  }

  /** A new event (its own id) about the session as it is now, delivered once. */
  async emit(type: string, sessionId: string): Promise<Delivery> {
    return this.redeliver(this.prepare(type, sessionId));
  }

  /** Completes the session (paid by card by default) and makes its event without sending it: the test sends it, as it likes. */
  completeUndelivered(sessionId: string, { paid = true }: { paid?: boolean } = {}): string {
    const session = this.session(sessionId);
    session.status = "complete";
    session.url = null;
    this.createPaymentIntent(session, paid);
    return this.prepare("checkout.session.completed", sessionId);
  }

  /** A new event about the session as it is now, stored but not sent; gives its id. */
  prepare(type: string, sessionId: string): string {
    return this.prepareAbout(type, this.session(sessionId));
  }

  /** The next `times` refund creations are carried out at once but answered only after `ms` (answers lost to timeouts). */
  delayNextRefundAnswers(ms: number, times = 1): void {
    for (let i = 0; i < times; i++) this.refundAnswerDelays.push(ms);
  }

  /** A refund made in Stripe's dashboard, without our call or our metadata: the rest of the payment, or `amount`. */
  refundInDashboard(paymentIntentId: string, { amount }: { amount?: number } = {}): StripeStoredRefund {
    return structuredClone(
      this.createRefund({
        payment_intent: paymentIntentId,
        ...(amount === undefined ? {} : { amount: String(amount) }),
      }),
    );
  }

  /** Stripe keeps an idempotency key 24 hours: the time has passed, every key is forgotten. */
  forgetIdempotencyKeys(): void {
    this.idempotency.clear();
  }

  /** Every refund Stripe holds for a PaymentIntent, oldest first. */
  refundsOf(paymentIntentId: string): StripeStoredRefund[] {
    return structuredClone([...this.refunds.values()].filter((refund) => refund.payment_intent === paymentIntentId));
  }

  /** The PaymentIntent a completed session created. */
  paymentIntentOf(sessionId: string): string {
    const id = this.session(sessionId).payment_intent;
    if (!id) throw new Error(`Session ${sessionId} has no payment.`);
    return id;
  }

  /** The buyer's bank disputes the payment (a chargeback): the disputed amount is withdrawn, as Stripe does. */
  openDispute(
    paymentIntentId: string,
    { amount, reason = "fraudulent" }: { amount?: number; reason?: string } = {},
  ): StripeStoredDispute {
    const charge = this.succeededCharge(paymentIntentId);
    const dispute: StripeStoredDispute = {
      id: `dp_${randomBytes(12).toString("hex")}`,
      object: "dispute",
      amount: amount ?? charge.amount - charge.amount_refunded,
      balance_transactions: [`txn_${randomBytes(12).toString("hex")}`],
      charge: charge.id,
      created: Math.floor(Date.now() / 1000),
      currency: charge.currency,
      evidence: { customer_name: null, customer_email_address: null, uncategorized_text: null },
      is_charge_refundable: false,
      livemode: false,
      metadata: {},
      payment_intent: paymentIntentId,
      reason,
      status: "needs_response",
    };
    charge.disputed = true;
    this.disputes.set(dispute.id, dispute);
    return structuredClone(dispute);
  }

  /** The bank decides: won returns the funds, lost keeps them withdrawn. */
  closeDispute(disputeId: string, outcome: "won" | "lost"): StripeStoredDispute {
    const dispute = this.disputes.get(disputeId);
    if (!dispute) throw new Error(`No dispute ${disputeId}.`);
    dispute.status = outcome;
    return structuredClone(dispute);
  }

  /** `charge.refunded` (or another charge.* type) with the PaymentIntent's charge as it is now, signed and delivered. */
  async deliverChargeEvent(paymentIntentId: string, type = "charge.refunded"): Promise<Delivery> {
    return this.redeliver(this.prepareAbout(type, this.succeededCharge(paymentIntentId)));
  }

  /** `charge.dispute.created`, `charge.dispute.closed`, … with the Dispute as it is now, signed and delivered. */
  async deliverDisputeEvent(disputeId: string, type: string): Promise<Delivery> {
    const dispute = this.disputes.get(disputeId);
    if (!dispute) throw new Error(`No dispute ${disputeId}.`);
    return this.redeliver(this.prepareAbout(type, dispute));
  }

  /** A new event about `object` as it is now, stored but not sent; gives its id. */
  private prepareAbout(type: string, about: object): string {
    const id = `evt_${randomBytes(12).toString("hex")}`;
    const event = {
      id,
      object: "event",
      api_version: this.apiVersion,
      created: Math.floor(Date.now() / 1000),
      data: { object: structuredClone(about) },
      livemode: false,
      pending_webhooks: 1,
      request: { id: null, idempotency_key: null },
      type,
    };
    this.events.set(id, { id, type, body: JSON.stringify(event, null, 2) });
    return id;
  }

  /** Stripe's retry of an event: the same body and id, signed again at the time of sending. */
  async redeliver(eventId: string): Promise<Delivery> {
    const event = this.events.get(eventId);
    if (!event) throw new Error(`No event ${eventId}.`);
    const response = await this.options.deliver(this.sign(eventId));
    const delivery = { eventId, type: event.type, status: response.status };
    this.deliveries.push(delivery);
    return delivery;
  }

  /** A stored event signed as Stripe signs it, at `timestamp` (seconds), with `secret` (ours by default). */
  sign(eventId: string, { timestamp, secret }: { timestamp?: number; secret?: string } = {}): SignedDelivery {
    const event = this.events.get(eventId);
    if (!event) throw new Error(`No event ${eventId}.`);
    const t = timestamp ?? Math.floor(Date.now() / 1000);
    const v1 = createHmac("sha256", secret ?? this.webhookSecret)
      .update(`${t}.${event.body}`)
      .digest("hex");
    return {
      headers: { "content-type": "application/json; charset=utf-8", "stripe-signature": `t=${t},v1=${v1}` },
      body: event.body,
    };
  }

  private createPaymentIntent(session: StoredSession, paid: boolean): void {
    const paymentIntent: StoredPaymentIntent = {
      id: `pi_${randomBytes(12).toString("hex")}`,
      object: "payment_intent",
      amount: session.amount_total,
      currency: session.currency,
      status: "processing",
      latest_charge: null,
    };
    this.paymentIntents.set(paymentIntent.id, paymentIntent);
    session.payment_intent = paymentIntent.id;
    session.payment_status = paid ? "paid" : "unpaid";
    this.settle(session, paid ? "succeeded" : "pending");
  }

  private settle(session: StoredSession, status: StoredCharge["status"]): void {
    const paymentIntent = this.paymentIntents.get(session.payment_intent ?? "");
    if (!paymentIntent) throw new Error(`Session ${session.id} has no payment.`);
    const charge: StoredCharge = {
      id: `ch_${randomBytes(12).toString("hex")}`,
      object: "charge",
      amount: paymentIntent.amount,
      amount_captured: status === "succeeded" ? paymentIntent.amount : 0,
      amount_refunded: 0,
      captured: status === "succeeded",
      created: Math.floor(Date.now() / 1000),
      currency: paymentIntent.currency,
      disputed: false,
      livemode: false,
      metadata: {},
      paid: status === "succeeded",
      refunded: false,
      status,
      payment_intent: paymentIntent.id,
      receipt_url: `${this.baseUrl}/receipts/payment/${randomBytes(12).toString("hex")}`,
    };
    this.charges.set(charge.id, charge);
    paymentIntent.latest_charge = charge.id;
    paymentIntent.status =
      status === "succeeded" ? "succeeded" : status === "pending" ? "processing" : "requires_payment_method";
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString("utf8");
    const target = new URL(request.url ?? "/", this.baseUrl);
    const method = request.method ?? "GET";
    this.received.push({
      method,
      path: target.pathname,
      query: target.search.slice(1),
      headers: request.headers,
      body,
    });
    const requestId = `req_${randomBytes(7).toString("hex")}`;
    const delay = method === "POST" && target.pathname === "/v1/refunds" ? this.refundAnswerDelays.shift() : undefined;
    const send = async (status: number, payload: string, headers: Record<string, string> = {}) => {
      if (delay) await new Promise((resolve) => setTimeout(resolve, delay));
      response.writeHead(status, { "content-type": "application/json", "request-id": requestId, ...headers });
      response.end(payload);
    };
    try {
      if (method === "GET" && target.pathname.startsWith("/c/pay/")) return this.hostedPage(target, response);
      if (method === "POST" && target.pathname.startsWith("/c/pay/"))
        return await this.hostedPay(target, body, response);
      if (method === "GET" && target.pathname.startsWith("/receipts/payment/"))
        return this.receiptPage(target, response);
      this.authenticate(request.headers.authorization);
      const version = request.headers["stripe-version"];
      if (version !== undefined && (typeof version !== "string" || !/^\d{4}-\d{2}-\d{2}(\.[a-z]+)?$/.test(version)))
        throw new StripeError(400, {
          type: "invalid_request_error",
          message: `Invalid Stripe API version: ${String(version)}`,
        });
      if (method === "POST") {
        const type = request.headers["content-type"] ?? "";
        if (!type.startsWith("application/x-www-form-urlencoded"))
          throw new StripeError(400, {
            type: "invalid_request_error",
            message: "Invalid request: the body must be form-encoded (application/x-www-form-urlencoded).",
          });
        const key = request.headers["idempotency-key"];
        if (typeof key === "string") {
          const fingerprint = `${method} ${target.pathname} ${body}`;
          const earlier = this.idempotency.get(key);
          if (earlier) {
            if (earlier.request !== fingerprint)
              throw new StripeError(400, {
                type: "idempotency_error",
                message: `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${key}' if you meant to execute a different request.`,
              });
            return await send(earlier.status, earlier.body, { "idempotent-replayed": "true", "idempotency-key": key });
          }
          const [status, payload] = this.route(method, target, body);
          this.idempotency.set(key, { request: fingerprint, status, body: payload });
          return await send(status, payload, { "idempotency-key": key });
        }
      }
      const [status, payload] = this.route(method, target, body);
      return await send(status, payload);
    } catch (error) {
      if (error instanceof StripeError) return await send(error.status, JSON.stringify({ error: error.body }));
      await send(500, JSON.stringify({ error: { type: "api_error", message: "An unknown error occurred." } }));
    }
  }

  private authenticate(header: string | undefined): void {
    if (!header)
      throw new StripeError(401, {
        type: "invalid_request_error",
        message:
          "You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY').",
      });
    const key = /^Bearer (\S+)$/.exec(header)?.[1];
    if (key !== this.secretKey)
      throw new StripeError(401, {
        type: "invalid_request_error",
        message: `Invalid API Key provided: ${(key ?? "").slice(0, 8)}****${(key ?? "").slice(-4)}`,
      });
  }

  private route(method: string, target: URL, body: string): [number, string] {
    if (method === "POST" && target.pathname === "/v1/checkout/sessions")
      return [200, JSON.stringify(this.createSession(parseStripeForm(body)))];
    const expire = /^\/v1\/checkout\/sessions\/([^/]+)\/expire$/.exec(target.pathname);
    if (method === "POST" && expire) {
      only(parseStripeForm(body), new Set(["expand"]), "");
      const session = this.sessions.get(decodeURIComponent(expire[1]!));
      if (!session) throw this.noSuchSession(decodeURIComponent(expire[1]!));
      if (session.status !== "open")
        throw new StripeError(400, {
          type: "invalid_request_error",
          message: `Only Checkout Sessions with a status in ["open"] can be expired. This Checkout Session has a status of "${session.status}".`,
        });
      session.status = "expired";
      session.url = null;
      this.prepare("checkout.session.expired", session.id);
      return [200, JSON.stringify(session)];
    }
    const read = /^\/v1\/checkout\/sessions\/([^/]+)$/.exec(target.pathname);
    if (method === "GET" && read) {
      if (this.failingReads > 0) {
        this.failingReads--;
        throw new StripeError(500, { type: "api_error", message: "An unknown error occurred." });
      }
      const params = parseStripeForm(target.search.slice(1));
      only(params, new Set(["expand"]), "");
      const expand = params.expand === undefined ? [] : params.expand;
      if (!Array.isArray(expand)) throw invalid("expand", "parameter_invalid_empty", "Invalid array");
      const session = this.sessions.get(decodeURIComponent(read[1]!));
      if (!session) throw this.noSuchSession(decodeURIComponent(read[1]!));
      return [200, JSON.stringify(this.expanded(session, expand as string[]))];
    }
    if (method === "POST" && target.pathname === "/v1/refunds")
      return [200, JSON.stringify(this.createRefund(parseStripeForm(body)))];
    const query = parseStripeForm(target.search.slice(1));
    if (method === "GET" && target.pathname === "/v1/refunds") {
      only(query, new Set(["payment_intent", "charge", "limit", "starting_after"]), "");
      const refunds = [...this.refunds.values()].filter(
        (refund) =>
          (query.payment_intent === undefined || refund.payment_intent === query.payment_intent) &&
          (query.charge === undefined || refund.charge === query.charge),
      );
      return [200, JSON.stringify(page("/v1/refunds", refunds.reverse(), query))];
    }
    if (method === "GET" && target.pathname === "/v1/disputes") {
      only(query, new Set(["payment_intent", "charge", "limit", "starting_after"]), "");
      const disputes = [...this.disputes.values()].filter(
        (dispute) =>
          (query.payment_intent === undefined || dispute.payment_intent === query.payment_intent) &&
          (query.charge === undefined || dispute.charge === query.charge),
      );
      return [200, JSON.stringify(page("/v1/disputes", disputes.reverse(), query))];
    }
    if (method === "GET" && target.pathname === "/v1/checkout/sessions") return [200, this.listSessions(query)];
    const one = /^\/v1\/(refunds|disputes|charges)\/([^/]+)$/.exec(target.pathname);
    if (method === "GET" && one) {
      only(query, new Set(["expand"]), "");
      const id = decodeURIComponent(one[2]!);
      const [store, kind] =
        one[1] === "refunds"
          ? [this.refunds, "refund"]
          : one[1] === "disputes"
            ? [this.disputes, "dispute"]
            : [this.charges, "charge"];
      const found = (store as Map<string, object>).get(id);
      if (!found) throw noSuch(kind, "id", id);
      return [200, JSON.stringify(found)];
    }
    throw new StripeError(404, {
      type: "invalid_request_error",
      message: `Unrecognized request URL (${method}: ${target.pathname}). Please see https://stripe.com/docs or we can help at https://support.stripe.com/.`,
    });
  }

  /**
   * A page of `GET /v1/checkout/sessions`, newest first (sessions made in the same
   * second, the later one first), as the package's auto-pagination walks it: the
   * reconciliation lists a period with its payments expanded, a Stripe event finds the
   * session of a PaymentIntent.
   */
  private listSessions(params: Params): string {
    only(params, LIST_PARAMS, "");
    const inRange = createdFilter(params.created);
    const expand = params.expand === undefined ? [] : params.expand;
    if (!Array.isArray(expand)) throw invalid("expand", "parameter_invalid_empty", "Invalid array");
    const itemExpand = (expand as string[]).map((path) => {
      if (!path.startsWith("data."))
        throw new StripeError(400, {
          type: "invalid_request_error",
          message: `This property cannot be expanded (${path}). You may want to try expanding 'data.${path}' instead.`,
        });
      return path.slice("data.".length);
    });
    const listed = [...this.sessions.values()]
      .reverse()
      .filter(
        (session) =>
          inRange(session.created) &&
          (params.payment_intent === undefined || session.payment_intent === params.payment_intent) &&
          (params.status === undefined || session.status === params.status),
      );
    const answer = page("/v1/checkout/sessions", listed, params);
    const data = (answer.data as StoredSession[]).map((session) => this.expanded(session, itemExpand));
    return JSON.stringify({ ...answer, data });
  }

  /** A refund as Stripe makes one: of the payment's successful charge, never more than is left of it. */
  private createRefund(params: Params): StripeStoredRefund {
    only(params, REFUND_PARAMS, "");
    let charge: StoredCharge | undefined;
    if (params.payment_intent !== undefined) {
      const paymentIntentId = text(params.payment_intent, "payment_intent");
      const paymentIntent = this.paymentIntents.get(paymentIntentId);
      if (!paymentIntent) throw noSuch("payment_intent", "payment_intent", paymentIntentId);
      charge = this.charges.get(paymentIntent.latest_charge ?? "");
      if (!charge || charge.status !== "succeeded")
        throw new StripeError(400, {
          type: "invalid_request_error",
          message: `This PaymentIntent (${paymentIntent.id}) does not have a successful charge to refund.`,
        });
    } else if (params.charge !== undefined) {
      const chargeId = text(params.charge, "charge");
      charge = this.charges.get(chargeId);
      if (!charge) throw noSuch("charge", "charge", chargeId);
    } else
      throw new StripeError(400, {
        type: "invalid_request_error",
        code: "parameter_missing",
        message: "One of the following params should be provided for this request: payment_intent or charge.",
      });
    const reason = params.reason === undefined ? null : text(params.reason, "reason");
    if (reason !== null && !REFUND_REASONS.has(reason))
      throw invalid(
        "reason",
        "parameter_invalid_string",
        "Invalid reason: must be one of duplicate, fraudulent, or requested_by_customer",
      );
    if (params.currency !== undefined && params.currency !== charge.currency)
      throw invalid(
        "currency",
        "parameter_invalid_string",
        `The refund currency must be the charge's (${charge.currency}).`,
      );
    const metadata = metadataOf(params.metadata);
    const left = charge.amount - charge.amount_refunded;
    if (charge.disputed)
      throw new StripeError(400, {
        type: "invalid_request_error",
        code: "charge_disputed",
        message: `Charge ${charge.id} has been charged back; refunds are not possible.`,
      });
    if (left === 0)
      throw new StripeError(400, {
        type: "invalid_request_error",
        code: "charge_already_refunded",
        message: `Charge ${charge.id} has already been refunded.`,
      });
    const amount = params.amount === undefined ? left : integer(params.amount, "amount", 1);
    if (amount > left)
      throw new StripeError(400, {
        type: "invalid_request_error",
        param: "amount",
        message: `Refund amount ($${(amount / 100).toFixed(2)}) is greater than unrefunded amount on charge ($${(left / 100).toFixed(2)})`,
      });
    charge.amount_refunded += amount;
    charge.refunded = charge.amount_refunded === charge.amount;
    const refund: StripeStoredRefund = {
      id: `re_${randomBytes(12).toString("hex")}`,
      object: "refund",
      amount,
      balance_transaction: `txn_${randomBytes(12).toString("hex")}`,
      charge: charge.id,
      created: Math.floor(Date.now() / 1000),
      currency: charge.currency,
      destination_details: null,
      metadata,
      payment_intent: charge.payment_intent,
      reason,
      receipt_number: null,
      source_transfer_reversal: null,
      status: this.newRefundStatus,
      transfer_reversal: null,
    };
    this.refunds.set(refund.id, refund);
    return refund;
  }

  private succeededCharge(paymentIntentId: string): StoredCharge {
    const charge = this.charges.get(this.paymentIntents.get(paymentIntentId)?.latest_charge ?? "");
    if (!charge || charge.status !== "succeeded") throw new Error(`PaymentIntent ${paymentIntentId} was not paid.`);
    return charge;
  }

  private noSuchSession(id: string): StripeError {
    return new StripeError(404, {
      type: "invalid_request_error",
      code: "resource_missing",
      param: "session",
      message: `No such checkout.session: '${id}'`,
    });
  }

  private expanded(session: StoredSession, expand: string[]): Params {
    for (const path of expand)
      if (!SESSION_EXPANDABLE.has(path))
        throw new StripeError(400, {
          type: "invalid_request_error",
          message: `This property cannot be expanded (${path}).`,
        });
    const result: Params = structuredClone(session) as unknown as Params;
    const paymentIntent = this.paymentIntents.get(session.payment_intent ?? "");
    if (paymentIntent && expand.some((path) => path.startsWith("payment_intent"))) {
      const expandedIntent: Params = { ...paymentIntent };
      if (expand.includes("payment_intent.latest_charge") && paymentIntent.latest_charge)
        expandedIntent.latest_charge = this.charges.get(paymentIntent.latest_charge);
      result.payment_intent = expandedIntent;
    }
    return result;
  }

  private createSession(params: Params): StoredSession {
    only(params, SESSION_PARAMS, "");
    if (params.mode === undefined) throw missing("mode");
    if (params.mode !== "payment")
      throw invalid("mode", "parameter_invalid_string", "This stand-in knows only mode=payment.");
    if (params.line_items === undefined) throw missing("line_items");
    if (!Array.isArray(params.line_items) || params.line_items.length === 0)
      throw invalid("line_items", "parameter_invalid_empty", "Invalid array");
    if (params.success_url === undefined) throw missing("success_url");
    const successUrl = url(params.success_url, "success_url");
    const cancelUrl = params.cancel_url === undefined ? null : url(params.cancel_url, "cancel_url");
    let total = 0;
    const currencies = new Set<string>();
    const names: string[] = [];
    params.line_items.forEach((value, index) => {
      const prefix = `line_items[${index}]`;
      const item = object(value, prefix);
      only(item, LINE_ITEM_PARAMS, prefix);
      if (item.quantity === undefined) throw missing(`${prefix}[quantity]`);
      const quantity = integer(item.quantity, `${prefix}[quantity]`, 1);
      if (item.price !== undefined)
        throw invalid(`${prefix}[price]`, "resource_missing", `No such price: '${JSON.stringify(item.price)}'`);
      if (item.price_data === undefined) throw missing(`${prefix}[price_data]`);
      const priceData = object(item.price_data, `${prefix}[price_data]`);
      only(priceData, PRICE_DATA_PARAMS, `${prefix}[price_data]`);
      if (priceData.currency === undefined) throw missing(`${prefix}[price_data][currency]`);
      if (typeof priceData.currency !== "string" || !CURRENCIES.has(priceData.currency))
        throw invalid(
          `${prefix}[price_data][currency]`,
          "parameter_invalid_string",
          `Invalid currency: ${JSON.stringify(priceData.currency)}.`,
        );
      if (priceData.unit_amount === undefined) throw missing(`${prefix}[price_data][unit_amount]`);
      const unitAmount = integer(priceData.unit_amount, `${prefix}[price_data][unit_amount]`, 0);
      if (priceData.product_data === undefined) throw missing(`${prefix}[price_data][product_data]`);
      const productData = object(priceData.product_data, `${prefix}[price_data][product_data]`);
      only(productData, PRODUCT_DATA_PARAMS, `${prefix}[price_data][product_data]`);
      if (typeof productData.name !== "string" || productData.name.trim() === "")
        throw missing(`${prefix}[price_data][product_data][name]`);
      currencies.add(priceData.currency);
      names.push(quantity > 1 ? `${quantity} × ${productData.name}` : productData.name);
      total += unitAmount * quantity;
    });
    if (currencies.size > 1)
      throw invalid("line_items", "parameter_invalid_string", "All line items must use the same currency.");
    const metadata = metadataOf(params.metadata);
    if (params.client_reference_id !== undefined) {
      const reference = params.client_reference_id;
      if (typeof reference !== "string" || reference.length > 200)
        throw invalid(
          "client_reference_id",
          "parameter_invalid_string",
          "client_reference_id can be at most 200 characters.",
        );
    }
    const id = `cs_test_${randomBytes(24).toString("hex")}`;
    const created = Math.floor(Date.now() / 1000);
    const session: StoredSession = {
      id,
      object: "checkout.session",
      mode: params.mode,
      status: "open",
      payment_status: "unpaid",
      amount_subtotal: total,
      amount_total: total,
      currency: [...currencies][0]!,
      client_reference_id: typeof params.client_reference_id === "string" ? params.client_reference_id : null,
      metadata,
      success_url: successUrl,
      cancel_url: cancelUrl,
      url: `${this.baseUrl}/c/pay/${id}`,
      payment_intent: null,
      customer: null,
      customer_details: null,
      customer_email: typeof params.customer_email === "string" ? params.customer_email : null,
      livemode: false,
      created,
      expires_at: created + 24 * 3600,
    };
    this.sessions.set(id, session);
    this.productNames.set(id, names);
    return session;
  }

  /**
   * Stripe's hosted Checkout page, in spirit: what is bought and for how much, a Pay
   * button (a card payment that succeeds at once: the session completes with its
   * payment intent and charge, the signed checkout.session.completed event is
   * delivered, then the browser goes to success_url, as Stripe does) and a Cancel
   * button (back to cancel_url, the session left open, as Stripe's back link does).
   */
  private hostedPage(target: URL, response: ServerResponse): void {
    const session = this.sessions.get(target.pathname.slice("/c/pay/".length));
    if (!session || session.status !== "open") return this.hostedPageGone(response);
    const amount = new Intl.NumberFormat("en-US", { style: "currency", currency: session.currency }).format(
      session.amount_total / 10 ** (ZERO_DECIMAL_CURRENCIES.has(session.currency) ? 0 : 2),
    );
    const products = (this.productNames.get(session.id) ?? []).map((name) => `<li>${escapeHtml(name)}</li>`).join("");
    response.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    response.end(
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Checkout (Stripe stand-in)</title></head>` +
        `<body><main><h1>Pay ${escapeHtml(amount)}</h1><ul>${products}</ul>` +
        `<form method="post"><button type="submit" name="action" value="pay">Pay</button> ` +
        `<button type="submit" name="action" value="cancel">Cancel</button></form></main></body></html>`,
    );
  }

  private async hostedPay(target: URL, body: string, response: ServerResponse): Promise<void> {
    const session = this.sessions.get(target.pathname.slice("/c/pay/".length));
    if (!session || session.status !== "open") return this.hostedPageGone(response);
    const action = new URLSearchParams(body).get("action");
    if (action === "cancel") {
      response.writeHead(303, { location: session.cancel_url ?? session.success_url });
      response.end();
      return;
    }
    if (action !== "pay") {
      response.writeHead(400, { "content-type": "text/plain; charset=utf-8" });
      response.end("Choose Pay or Cancel.");
      return;
    }
    await this.complete(session.id, { paid: true });
    response.writeHead(303, { location: session.success_url });
    response.end();
  }

  private hostedPageGone(response: ServerResponse): void {
    response.writeHead(404, { "content-type": "text/html; charset=utf-8" });
    response.end("<!doctype html><title>Stripe stand-in</title><p>This checkout session is no longer open.</p>");
  }

  /** The page a charge's receipt_url opens: what was paid, nothing about who paid. */
  private receiptPage(target: URL, response: ServerResponse): void {
    const charge = [...this.charges.values()].find(
      (candidate) => candidate.receipt_url === this.baseUrl + target.pathname,
    );
    if (!charge) {
      response.writeHead(404, { "content-type": "text/plain; charset=utf-8" });
      response.end("No such receipt.");
      return;
    }
    response.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    response.end(
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Receipt (Stripe stand-in)</title></head>` +
        `<body><main><h1>Receipt</h1><p>${charge.amount} ${escapeHtml(charge.currency.toUpperCase())}, ${charge.status}</p></main></body></html>`,
    );
  }
}
