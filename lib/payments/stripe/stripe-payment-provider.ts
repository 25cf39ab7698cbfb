/**
 * The Stripe adapter: USD purchases through hosted Checkout Sessions, with the
 * official package, pinned to the API version its types describe. Stripe learns our
 * order id and the package's name and price, nothing about the member. A refund is a
 * Stripe Refund of the order's PaymentIntent, keyed `refund:<refundId>` and carrying
 * our ids in its metadata, which is how listRefunds tells ours from the dashboard's.
 */
import Stripe from "stripe";
import { AppError } from "../../errors/app-error";
import { DEFAULT_LOCALE } from "../../i18n/locales";
import type {
  CheckoutOrder,
  Currency,
  PaymentLookup,
  PaymentLookupOrder,
  PaymentPeriod,
  ProviderPayment,
  ProviderRefund,
  RefundPaymentRequest,
  StartedCheckout,
} from "../payment-provider";
import {
  STRIPE_DISPUTE_OUTCOMES,
  STRIPE_DISPUTE_STATUSES,
  type CheckoutSessionRecord,
  type StripeChargeRecord,
  type StripeCheckout,
  type StripeDisputeRecord,
  type VerifiedStripeEvent,
} from "./stripe-checkout";

export interface StripePaymentProviderOptions {
  secretKey: string;
  webhookSecret: string;
  /** https://api.stripe.com, or a stand-in. */
  apiBaseUrl: string;
  appUrl: string;
  /** Per attempt; the package tries twice more, with the same idempotency key. 20 s unless a test says otherwise. */
  timeoutMs?: number;
}

/** Stripe's documented tolerance: a signature older than this is a replay. */
const SIGNATURE_TOLERANCE_SECONDS = 300;
const REQUEST_TIMEOUT_MS = 20_000;
const SESSION_STATUSES = ["open", "complete", "expired"] as const;
const PAYMENT_STATUSES = ["paid", "unpaid", "no_payment_required"] as const;

export class StripePaymentProvider implements StripeCheckout {
  readonly id = "stripe" as const;
  readonly currency = "USD" as const;
  private readonly stripe: Stripe;

  constructor(private readonly options: StripePaymentProviderOptions) {
    const base = new URL(options.apiBaseUrl);
    this.stripe = new Stripe(options.secretKey, {
      apiVersion: Stripe.API_VERSION,
      protocol: base.protocol === "http:" ? "http" : "https",
      host: base.hostname,
      port: base.port || (base.protocol === "http:" ? 80 : 443),
      maxNetworkRetries: 2,
      timeout: options.timeoutMs ?? REQUEST_TIMEOUT_MS,
      telemetry: false,
    });
  }

  async startCheckout(order: CheckoutOrder): Promise<StartedCheckout> {
    // Back to the points page in the buyer's language, which says what became of the order.
    const returnUrl = new URL(`/${order.locale ?? DEFAULT_LOCALE}/points`, this.options.appUrl);
    returnUrl.searchParams.set("order", order.orderId);
    const cancelUrl = new URL(returnUrl);
    cancelUrl.searchParams.set("checkout", "canceled");
    const session = await this.call("checkout.sessions.create", () =>
      this.stripe.checkout.sessions.create(
        {
          mode: "payment",
          line_items: [
            {
              quantity: 1,
              price_data: {
                currency: order.currency.toLowerCase(),
                unit_amount: order.amount,
                product_data: { name: order.description },
              },
            },
          ],
          client_reference_id: order.orderId,
          metadata: { orderId: order.orderId },
          success_url: returnUrl.toString(),
          cancel_url: cancelUrl.toString(),
        },
        // One session per order, however often the creation is retried.
        { idempotencyKey: `checkout-session:${order.orderId}` },
      ),
    );
    if (!session.url)
      throw new AppError("PROVIDER_FAILED", "service.paymentProviderFailed", {
        diagnostic: `Stripe answered checkout session ${session.id} without a URL.`,
      });
    return { checkoutUrl: session.url, providerCheckoutId: session.id };
  }

  verifyEvent(rawBody: Buffer, signatureHeader: string | null, now: Date): VerifiedStripeEvent {
    let event: Stripe.Event;
    try {
      event = this.stripe.webhooks.constructEvent(
        rawBody,
        signatureHeader ?? "",
        this.options.webhookSecret,
        SIGNATURE_TOLERANCE_SECONDS,
        undefined,
        now.getTime(),
      );
    } catch (error) {
      throw new AppError("WEBHOOK_SIGNATURE_INVALID", "webhook.signatureInvalid", {
        diagnostic: `Stripe webhook refused: ${error instanceof Error ? error.message.split("\n")[0] : "unreadable"}`,
      });
    }
    const object: unknown = event.data?.object;
    const objectId =
      object && typeof object === "object" && "id" in object && typeof object.id === "string" ? object.id : null;
    if (typeof event.id !== "string" || typeof event.type !== "string")
      throw new AppError("MALFORMED_JSON", "request.bodyNotJson", {
        diagnostic: "A signed Stripe webhook without an event id or type.",
      });
    return { eventId: event.id, type: event.type, objectId };
  }

  async getCheckoutSession(sessionId: string): Promise<CheckoutSessionRecord | null> {
    let session: Stripe.Checkout.Session;
    try {
      session = await this.stripe.checkout.sessions.retrieve(sessionId, {
        expand: ["payment_intent.latest_charge"],
      });
    } catch (error) {
      if (error instanceof Stripe.errors.StripeInvalidRequestError && error.code === "resource_missing") return null;
      throw providerFailed("checkout.sessions.retrieve", error);
    }
    const paymentIntent = typeof session.payment_intent === "object" ? session.payment_intent : null;
    const charge =
      paymentIntent && typeof paymentIntent.latest_charge === "object" ? paymentIntent.latest_charge : null;
    const currency = session.currency?.toUpperCase();
    return {
      sessionId: session.id,
      orderId: session.client_reference_id,
      status: SESSION_STATUSES.find((status) => status === session.status) ?? null,
      // A payment status this version does not know is never taken for paid.
      paymentStatus: PAYMENT_STATUSES.find((status) => status === session.payment_status) ?? "unpaid",
      amount: session.amount_total,
      currency: currency === "USD" || currency === "KRW" ? currency : null,
      paymentIntentId:
        typeof session.payment_intent === "string" ? session.payment_intent : (paymentIntent?.id ?? null),
      receiptUrl: charge?.receipt_url ?? null,
    };
  }

  async lookupPayment(order: PaymentLookupOrder): Promise<PaymentLookup> {
    // Without a session id no checkout URL ever reached the buyer (it is stored before answering).
    if (!order.providerCheckoutId) return { status: "not-paid" };
    let session = await this.getCheckoutSession(order.providerCheckoutId);
    if (session?.status === "open" && !order.closing) return { status: "pending" };
    if (session?.status === "open") {
      try {
        await this.stripe.checkout.sessions.expire(session.sessionId);
      } catch (error) {
        // Refused when the buyer completed it meanwhile: the re-read below says how.
        if (!(error instanceof Stripe.errors.StripeInvalidRequestError)) throw providerFailed("expire", error);
      }
      session = await this.getCheckoutSession(session.sessionId);
    }
    if (!session || session.orderId !== order.orderId) return { status: "not-paid" };
    if (session.paymentStatus === "paid" && session.paymentIntentId && session.amount !== null && session.currency)
      return {
        status: "paid",
        providerPaymentId: session.paymentIntentId,
        amount: session.amount,
        currency: session.currency,
        receiptUrl: session.receiptUrl,
      };
    return session.status === "complete" ? { status: "pending" } : { status: "not-paid" };
  }

  /**
   * Stripe forgets an idempotency key after 24 hours, the refund's metadata never: a
   * refund of ours already at Stripe is answered from there without a second one.
   */
  async refundPayment(request: RefundPaymentRequest): Promise<ProviderRefund> {
    let refunds: Stripe.Refund[];
    try {
      refunds = await this.stripe.refunds
        .list({ payment_intent: request.providerPaymentId, limit: 100 })
        .autoPagingToArray({ limit: 10_000 });
    } catch (error) {
      throw refundError("refunds.list", error);
    }
    const earlier = refunds.find((refund) => refund.metadata?.refundId === request.refundId);
    if (earlier) return answeredBefore(toProviderRefund(earlier), request);
    let refund: Stripe.Refund;
    try {
      refund = await this.stripe.refunds.create(
        {
          payment_intent: request.providerPaymentId,
          amount: request.amount,
          reason: "requested_by_customer",
          metadata: { orderId: request.orderId, refundId: request.refundId },
        },
        { idempotencyKey: `refund:${request.refundId}` },
      );
    } catch (error) {
      throw refundError("refunds.create", error);
    }
    return { ...toProviderRefund(refund), refundId: request.refundId };
  }

  /** The payment's refunds, then its disputes, each oldest first (Stripe lists newest first). */
  async listRefunds({ providerPaymentId }: { orderId: string; providerPaymentId: string }): Promise<ProviderRefund[]> {
    const [refunds, disputes] = await this.call("refunds.list", () =>
      Promise.all([
        this.stripe.refunds
          .list({ payment_intent: providerPaymentId, limit: 100 })
          .autoPagingToArray({ limit: 10_000 }),
        this.stripe.disputes
          .list({ payment_intent: providerPaymentId, limit: 100 })
          .autoPagingToArray({ limit: 1_000 }),
      ]),
    );
    return [
      ...refunds.reverse().map(toProviderRefund),
      ...disputes.reverse().map((dispute): ProviderRefund => {
        const record = toDisputeRecord(dispute);
        return {
          providerRefundId: record.disputeId,
          amount: record.amount,
          currency: record.currency,
          status: record.status === "lost" ? "succeeded" : isDisputeOpen(record.status) ? "pending" : "failed",
          refundId: null,
          disputeId: record.disputeId,
        };
      }),
    ];
  }

  async getDispute(disputeId: string): Promise<StripeDisputeRecord | null> {
    try {
      return toDisputeRecord(await this.stripe.disputes.retrieve(disputeId));
    } catch (error) {
      if (error instanceof Stripe.errors.StripeInvalidRequestError && error.code === "resource_missing") return null;
      throw providerFailed("disputes.retrieve", error);
    }
  }

  async getCharge(chargeId: string): Promise<StripeChargeRecord | null> {
    let charge: Stripe.Charge;
    try {
      charge = await this.stripe.charges.retrieve(chargeId);
    } catch (error) {
      if (error instanceof Stripe.errors.StripeInvalidRequestError && error.code === "resource_missing") return null;
      throw providerFailed("charges.retrieve", error);
    }
    return {
      chargeId: charge.id,
      paymentIntentId:
        typeof charge.payment_intent === "string" ? charge.payment_intent : (charge.payment_intent?.id ?? null),
      amount: charge.amount,
      amountRefunded: charge.amount_refunded,
      currency: currencyOf(charge.currency, "charge", charge.id),
      disputed: charge.disputed,
    };
  }

  async getPaymentIntentOrder(paymentIntentId: string): Promise<string | null> {
    const sessions = await this.call("checkout.sessions.list", () =>
      this.stripe.checkout.sessions.list({ payment_intent: paymentIntentId, limit: 1 }),
    );
    return sessions.data[0]?.client_reference_id ?? null;
  }

  /**
   * The Checkout Sessions opened in the period, each with its PaymentIntent and charge
   * expanded, page by page through the package's auto-pagination. Our order id is the
   * session's client_reference_id. What went back is the charge's refunds plus, as our
   * orders count them, what its disputes have withdrawn; a charge says only whether it
   * was disputed, so only those have their disputes read.
   */
  async *listPayments(period: PaymentPeriod): AsyncIterable<ProviderPayment> {
    const sessions = this.stripe.checkout.sessions.list({
      created: { gte: Math.floor(period.from.getTime() / 1000), lt: Math.ceil(period.to.getTime() / 1000) },
      limit: 100,
      expand: ["data.payment_intent.latest_charge"],
    });
    try {
      for await (const session of sessions) {
        if (!session.client_reference_id) continue;
        const paymentIntent = typeof session.payment_intent === "object" ? session.payment_intent : null;
        const charge =
          paymentIntent && typeof paymentIntent.latest_charge === "object" ? paymentIntent.latest_charge : null;
        const withdrawn = charge?.disputed && paymentIntent ? await this.disputedAmount(paymentIntent.id) : 0;
        yield {
          orderId: session.client_reference_id,
          providerPaymentId: paymentIntent?.id ?? session.id,
          amount: session.amount_total ?? 0,
          currency: (session.currency ?? "").toUpperCase(),
          status: session.payment_status === "paid" ? "paid" : session.status === "expired" ? "not-paid" : "pending",
          refundedAmount: (charge?.amount_refunded ?? 0) + withdrawn,
        };
      }
    } catch (error) {
      if (error instanceof AppError) throw error;
      throw providerFailed("checkout.sessions.list", error);
    }
  }

  /** What the payment's disputes hold withdrawn from us now (open or lost; a won one came back). */
  private async disputedAmount(paymentIntentId: string): Promise<number> {
    const disputes = await this.call("disputes.list", () =>
      this.stripe.disputes.list({ payment_intent: paymentIntentId, limit: 100 }).autoPagingToArray({ limit: 1_000 }),
    );
    return disputes
      .map(toDisputeRecord)
      .filter((dispute) => dispute.status && STRIPE_DISPUTE_OUTCOMES[dispute.status] === "funds-withdrawn")
      .reduce((sum, dispute) => sum + dispute.amount, 0);
  }

  private async call<T>(operation: string, request: () => Promise<T>): Promise<T> {
    try {
      return await request();
    } catch (error) {
      throw providerFailed(operation, error);
    }
  }
}

/** A refund id asked again: the same refund, or a refusal when the amount is another (a bug of the caller). */
function answeredBefore(refund: ProviderRefund, request: RefundPaymentRequest): ProviderRefund {
  if (refund.amount !== request.amount)
    throw new AppError("PROVIDER_REFUSED", "service.paymentProviderRefused", {
      details: { providerCode: "IDEMPOTENCY_KEY_REUSED" },
      diagnostic: `Refund ${request.refundId} was made at Stripe for ${refund.amount}, now asked for ${request.amount}.`,
    });
  return { ...refund, refundId: request.refundId };
}

/**
 * Stripe's documented refund statuses; requires_action (a refund waiting for the buyer's
 * details) is money not back yet, canceled is money that never left.
 */
function toProviderRefund(refund: Stripe.Refund): ProviderRefund {
  const status =
    refund.status === "succeeded"
      ? "succeeded"
      : refund.status === "failed" || refund.status === "canceled"
        ? "failed"
        : "pending";
  const refundId = refund.metadata?.refundId;
  return {
    providerRefundId: refund.id,
    amount: refund.amount,
    currency: currencyOf(refund.currency, "refund", refund.id),
    status,
    refundId: typeof refundId === "string" && refundId !== "" ? refundId : null,
  };
}

function toDisputeRecord(dispute: Stripe.Dispute): StripeDisputeRecord {
  return {
    disputeId: dispute.id,
    paymentIntentId:
      typeof dispute.payment_intent === "string" ? dispute.payment_intent : (dispute.payment_intent?.id ?? null),
    amount: dispute.amount,
    currency: currencyOf(dispute.currency, "dispute", dispute.id),
    status: STRIPE_DISPUTE_STATUSES.find((status) => status === dispute.status) ?? null,
  };
}

/** Funds of a dispute still held or under review: neither lost nor returned. Unknown statuses stay open. */
function isDisputeOpen(status: StripeDisputeRecord["status"]): boolean {
  return status !== "won" && status !== "lost" && status !== "warning_closed" && status !== "prevented";
}

function currencyOf(currency: string, object: string, id: string): Currency {
  const upper = currency.toUpperCase();
  if (upper === "USD" || upper === "KRW") return upper;
  throw new AppError("PROVIDER_FAILED", "service.paymentProviderFailed", {
    diagnostic: `Stripe ${object} ${id} is in ${currency}, which we never charge.`,
  });
}

/**
 * An invalid request (already refunded, more than is left, a charged-back payment, an
 * unknown PaymentIntent) or the same key with other parameters is Stripe refusing: a
 * retry cannot help. Anything else (unreachable, 5xx, rate limit, our keys) may pass later.
 */
function refundError(operation: string, error: unknown): AppError {
  if (error instanceof Stripe.errors.StripeInvalidRequestError || error instanceof Stripe.errors.StripeIdempotencyError)
    return new AppError("PROVIDER_REFUSED", "service.paymentProviderRefused", {
      // Stripe answers "more than is left" with no code, only the parameter at fault.
      details: {
        providerCode: error.code ?? error.rawType ?? error.type,
        ...(error.param ? { providerParam: error.param } : {}),
      },
      diagnostic:
        `Stripe ${operation} refused: ${error.rawType ?? error.type} ${error.statusCode ?? "-"} ${error.code ?? ""} ${error.param ?? ""} ${error.requestId ?? ""}`.trim(),
    });
  return providerFailed(operation, error);
}

/** Stripe refused or could not be reached: the ids and codes it gave, never the request. */
function providerFailed(operation: string, error: unknown): AppError {
  const detail =
    error instanceof Stripe.errors.StripeError
      ? `${error.type} ${error.statusCode ?? "-"} ${error.code ?? ""} ${error.requestId ?? ""}`.trim()
      : error instanceof Error
        ? error.name
        : "unknown";
  return new AppError("PROVIDER_FAILED", "service.paymentProviderFailed", {
    diagnostic: `Stripe ${operation}: ${detail}`,
  });
}
