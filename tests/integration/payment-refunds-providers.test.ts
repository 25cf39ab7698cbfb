/**
 * Refunds at each provider, through the adapters' port methods (refundPayment,
 * listRefunds) against stand-ins that speak the providers' APIs: a Toss cancel with its
 * Idempotency-Key, a Stripe refund through the official package, and the sandbox's own
 * memory. The stand-ins' records show how many refunds the provider really holds.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AppError, isAppError } from "../../lib/errors/app-error";
import type { ProviderRefund } from "../../lib/payments/payment-provider";
import { SandboxPaymentProvider } from "../../lib/payments/sandbox-payment-provider";
import { StripePaymentProvider } from "../../lib/payments/stripe/stripe-payment-provider";
import { TOSS_VIRTUAL_ACCOUNT_REFUND_CODE, TossPaymentProvider } from "../../lib/payments/toss-payment-provider";
import { TossPaymentsApi } from "../../lib/payments/toss-payments-api";
import {
  parseStripeForm,
  StripeStandIn,
  type SignedDelivery,
  type StripeStoredRefund,
} from "../support/stand-ins/stripe-stand-in";
import { TossStandIn, type TossMethod } from "../support/stand-ins/toss-stand-in";

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  if (!isAppError(error)) throw new Error(`Expected an AppError, got ${String(error)}`);
  return error;
}

describe("Toss: refunds are cancels of the payment", () => {
  const tossWebhooks: string[] = [];
  const toss = new TossStandIn({
    deliver: async ({ body }) => {
      tossWebhooks.push(body);
      return new Response(null, { status: 200 });
    },
  });
  let api: TossPaymentsApi;
  let provider: TossPaymentProvider;

  beforeAll(async () => {
    await toss.start();
    api = new TossPaymentsApi({ secretKey: toss.secretKey, baseUrl: toss.baseUrl, timeoutMs: 300 });
    provider = new TossPaymentProvider("http://localhost:3100", api);
  });

  afterAll(async () => {
    await toss.close();
  });

  /** A confirmed payment of `amount` won: what a paid order holds. */
  async function paidPayment(amount = 15_000, method: TossMethod = "card") {
    const orderId = randomUUID();
    const paymentKey = toss.authenticate({ orderId, amount, method });
    await api.confirm({ paymentKey, orderId, amount }, `confirm:${orderId}`);
    if (method === "virtual-account") toss.setStatus(paymentKey, "DONE");
    return { orderId, providerPaymentId: paymentKey, amount };
  }

  function refund(payment: { orderId: string; providerPaymentId: string }, amount: number, refundId = randomUUID()) {
    return provider.refundPayment({ ...payment, refundId, amount, currency: "KRW" });
  }

  it("cancels the whole payment, without cancelAmount, under the refund's id as Idempotency-Key", async () => {
    const payment = await paidPayment();
    const refundId = randomUUID();
    const refunded = await refund(payment, payment.amount, refundId);

    const [cancel] = toss.cancelsOf(payment.providerPaymentId);
    expect(refunded).toEqual<ProviderRefund>({
      providerRefundId: cancel!.transactionKey,
      amount: 15_000,
      currency: "KRW",
      status: "succeeded",
      refundId,
    });
    const request = toss.cancelRequests().at(-1)!;
    expect(request.path).toBe(`/v1/payments/${payment.providerPaymentId}/cancel`);
    expect(request.headers["idempotency-key"]).toBe(refundId);
    expect(JSON.parse(request.body)).toEqual({ cancelReason: `환불 [refund:${refundId}]` });
    expect((await api.getPayment(payment.providerPaymentId)).status).toBe("CANCELED");
  });

  it("cancels part of a payment, and again, each refund seen in listRefunds with its id", async () => {
    const payment = await paidPayment(15_000);
    const first = await refund(payment, 5_000);
    const second = await refund(payment, 4_000);

    expect(JSON.parse(toss.cancelRequests().at(-1)!.body)).toMatchObject({ cancelAmount: 4_000 });
    // The second came less than a second after the first: Toss refused it once, the adapter sent it again.
    const ofPayment = toss.cancelRequests().filter((request) => request.path.includes(payment.providerPaymentId));
    expect(ofPayment).toHaveLength(3);
    const stored = await api.getPayment(payment.providerPaymentId);
    expect(stored).toMatchObject({ status: "PARTIAL_CANCELED", balanceAmount: 6_000 });
    expect(await provider.listRefunds(payment)).toEqual([first, second]);
    expect(first.providerRefundId).not.toBe(second.providerRefundId);
  });

  it("returns the money once when the same refund is asked again, and refuses the same id for another amount", async () => {
    const payment = await paidPayment();
    const refundId = randomUUID();
    const first = await refund(payment, 3_000, refundId);
    const again = await refund(payment, 3_000, refundId);

    expect(again).toEqual(first);
    expect(toss.cancelsOf(payment.providerPaymentId)).toHaveLength(1);

    const reused = await refusal(refund(payment, 4_000, refundId));
    expect(reused.details).toEqual({ providerCode: "IDEMPOTENCY_KEY_REUSED" });
    expect(toss.cancelsOf(payment.providerPaymentId)).toHaveLength(1);
  });

  it("returns the money once when the same refund is asked twice at once: Toss answers the key's first result", async () => {
    const payment = await paidPayment();
    const refundId = randomUUID();
    const [one, two] = await Promise.all([refund(payment, 2_500, refundId), refund(payment, 2_500, refundId)]);

    expect(two).toEqual(one);
    const sent = toss.cancelRequests().filter((request) => request.path.includes(payment.providerPaymentId));
    expect(sent.map((request) => request.headers["idempotency-key"])).toEqual([refundId, refundId]);
    expect(toss.cancelsOf(payment.providerPaymentId)).toHaveLength(1);
  });

  it("finds a refund among the payment's cancels after Toss forgot its key, and cancels nothing more", async () => {
    const payment = await paidPayment();
    const refundId = randomUUID();
    const first = await refund(payment, 3_000, refundId);
    toss.forgetIdempotencyKeys();
    const requestsBefore = toss.cancelRequests().length;

    expect(await refund(payment, 3_000, refundId)).toEqual(first);
    expect(toss.cancelRequests()).toHaveLength(requestsBefore);
    expect(toss.cancelsOf(payment.providerPaymentId)).toHaveLength(1);
  });

  it("is PROVIDER_REFUSED with Toss's code when Toss refuses (more than is left, already canceled)", async () => {
    const payment = await paidPayment(10_000);
    await refund(payment, 6_000);
    const tooMuch = await refusal(refund(payment, 5_000));
    expect(tooMuch.code).toBe("PROVIDER_REFUSED");
    expect(tooMuch.status).toBe(422);
    expect(tooMuch.details).toEqual({ providerCode: "NOT_CANCELABLE_AMOUNT" });

    await refund(payment, 4_000);
    const again = await refusal(refund(payment, 1_000));
    expect(again.details).toEqual({ providerCode: "ALREADY_CANCELED_PAYMENT" });
    expect(toss.cancelsOf(payment.providerPaymentId).map((cancel) => cancel.cancelAmount)).toEqual([6_000, 4_000]);
  });

  it("refuses a virtual-account payment without asking Toss: its refund needs the buyer's bank account", async () => {
    const payment = await paidPayment(15_000, "virtual-account");
    const before = toss.cancelRequests().length;
    const error = await refusal(refund(payment, 15_000));

    expect(error.code).toBe("PROVIDER_REFUSED");
    expect(error.details).toEqual({ providerCode: TOSS_VIRTUAL_ACCOUNT_REFUND_CODE });
    expect(error.diagnostic).toMatch(/virtual account/);
    expect(toss.cancelRequests()).toHaveLength(before);
  });

  it("is PROVIDER_FAILED when every answer times out, and a retry returns the same cancel without a second one", async () => {
    const payment = await paidPayment();
    const refundId = randomUUID();
    toss.delayNextCancelAnswers(1_000, 3);
    const error = await refusal(refund(payment, 2_000, refundId));
    expect(error.code).toBe("PROVIDER_FAILED");
    // Toss did cancel; only its answers were lost.
    expect(toss.cancelsOf(payment.providerPaymentId)).toHaveLength(1);

    const retried = await refund(payment, 2_000, refundId);
    const [cancel] = toss.cancelsOf(payment.providerPaymentId);
    expect(retried).toMatchObject({ providerRefundId: cancel!.transactionKey, refundId, status: "succeeded" });
    expect(toss.cancelsOf(payment.providerPaymentId)).toHaveLength(1);
  });

  it("is PROVIDER_FAILED when Toss cannot be reached", async () => {
    const closed = new TossStandIn();
    await closed.start();
    await closed.close();
    const unreachable = new TossPaymentProvider(
      "http://localhost:3100",
      new TossPaymentsApi({ secretKey: toss.secretKey, baseUrl: closed.baseUrl, timeoutMs: 300 }),
    );
    const payment = await paidPayment();
    const error = await refusal(
      unreachable.refundPayment({ ...payment, refundId: randomUUID(), amount: 1_000, currency: "KRW" }),
    );
    expect(error.code).toBe("PROVIDER_FAILED");
  });

  it("refuses a payment of another order", async () => {
    const payment = await paidPayment();
    const error = await refusal(refund({ ...payment, orderId: randomUUID() }, 1_000));
    expect(error.details).toEqual({ providerCode: "ORDER_MISMATCH" });
    expect(toss.cancelsOf(payment.providerPaymentId)).toHaveLength(0);
  });

  it("lists a cancel made in Toss's dashboard, with no refund id of ours, and posts its status change", async () => {
    const payment = await paidPayment(15_000);
    const ours = await refund(payment, 5_000);
    const dashboard = toss.cancelInDashboard(payment.providerPaymentId, { amount: 2_000 });

    expect(await provider.listRefunds(payment)).toEqual([
      ours,
      {
        providerRefundId: dashboard.transactionKey,
        amount: 2_000,
        currency: "KRW",
        status: "succeeded",
        refundId: null,
      },
    ]);
    expect(await toss.postStatusChanged(payment.providerPaymentId)).toBe(200);
    const event = JSON.parse(tossWebhooks.at(-1)!) as { eventType: string; data: Record<string, unknown> };
    expect(event.eventType).toBe("PAYMENT_STATUS_CHANGED");
    expect(event.data).toMatchObject({
      paymentKey: payment.providerPaymentId,
      status: "PARTIAL_CANCELED",
      balanceAmount: 8_000,
    });
  });

  it("sends Toss nothing but the payment key, the amount and a reason naming our refund id", async () => {
    const payment = await paidPayment();
    await refund(payment, 1_000);
    for (const request of toss.cancelRequests()) {
      const body = JSON.parse(request.body) as Record<string, unknown>;
      for (const key of Object.keys(body)) expect(["cancelReason", "cancelAmount"]).toContain(key);
      expect(body.cancelReason).toMatch(/^환불 \[refund:[0-9a-f-]{36}\]$/);
    }
  });
});

describe("Stripe: refunds of the order's PaymentIntent, disputes read back", () => {
  const delivered: SignedDelivery[] = [];
  const stripe = new StripeStandIn({
    deliver: async (delivery) => {
      delivered.push(delivery);
      return new Response(null, { status: 200 });
    },
  });
  let provider: StripePaymentProvider;

  beforeAll(async () => {
    await stripe.start();
    provider = new StripePaymentProvider({
      secretKey: stripe.secretKey,
      webhookSecret: stripe.webhookSecret,
      apiBaseUrl: stripe.baseUrl,
      appUrl: "http://localhost:3100",
      timeoutMs: 300,
    });
  });

  afterAll(async () => {
    await stripe.close();
  });

  /** A Checkout Session paid by card: what a paid USD order holds. */
  async function paidPayment(amount = 1_000) {
    const orderId = randomUUID();
    const { providerCheckoutId } = await provider.startCheckout({
      orderId,
      amount,
      currency: "USD",
      description: "1,000 points",
    });
    stripe.completeUndelivered(providerCheckoutId!);
    return { orderId, providerPaymentId: stripe.paymentIntentOf(providerCheckoutId!), amount };
  }

  function refund(payment: { orderId: string; providerPaymentId: string }, amount: number, refundId = randomUUID()) {
    return provider.refundPayment({ ...payment, refundId, amount, currency: "USD" });
  }

  function refundRequests() {
    return stripe.received.filter((request) => request.method === "POST" && request.path === "/v1/refunds");
  }

  it("refunds the PaymentIntent under `refund:<id>`, with our ids in the metadata and nothing of the member", async () => {
    const payment = await paidPayment();
    const refundId = randomUUID();
    const refunded = await refund(payment, 1_000, refundId);

    const [stored] = stripe.refundsOf(payment.providerPaymentId);
    expect(refunded).toEqual<ProviderRefund>({
      providerRefundId: stored!.id,
      amount: 1_000,
      currency: "USD",
      status: "succeeded",
      refundId,
    });
    const request = refundRequests().at(-1)!;
    expect(request.headers["idempotency-key"]).toBe(`refund:${refundId}`);
    expect(parseStripeForm(request.body)).toEqual({
      payment_intent: payment.providerPaymentId,
      amount: "1000",
      reason: "requested_by_customer",
      metadata: { orderId: payment.orderId, refundId },
    });
  });

  it("refunds in parts, each seen in listRefunds with its refund id, oldest first", async () => {
    const payment = await paidPayment(1_000);
    const first = await refund(payment, 300);
    const second = await refund(payment, 200);
    expect(await provider.listRefunds(payment)).toEqual([first, second]);
  });

  it("returns the money once when the same refund is asked again, and refuses the same id for another amount", async () => {
    const payment = await paidPayment();
    const refundId = randomUUID();
    const first = await refund(payment, 400, refundId);
    expect(await refund(payment, 400, refundId)).toEqual(first);
    expect(stripe.refundsOf(payment.providerPaymentId)).toHaveLength(1);

    const reused = await refusal(refund(payment, 500, refundId));
    expect(reused.code).toBe("PROVIDER_REFUSED");
    expect(reused.details).toEqual({ providerCode: "IDEMPOTENCY_KEY_REUSED" });
    expect(stripe.refundsOf(payment.providerPaymentId)).toHaveLength(1);
  });

  it("finds our refund by its metadata after Stripe forgot the key, and refunds nothing more", async () => {
    const payment = await paidPayment();
    const refundId = randomUUID();
    const first = await refund(payment, 400, refundId);
    stripe.forgetIdempotencyKeys();
    const before = refundRequests().length;

    expect(await refund(payment, 400, refundId)).toEqual(first);
    expect(refundRequests()).toHaveLength(before);
    expect(stripe.refundsOf(payment.providerPaymentId)).toHaveLength(1);
  });

  it("returns the money once when the same refund is asked twice at once: Stripe replays the key's answer", async () => {
    const payment = await paidPayment();
    const refundId = randomUUID();
    const [one, two] = await Promise.all([refund(payment, 300, refundId), refund(payment, 300, refundId)]);
    expect(two).toEqual(one);
    expect(
      refundRequests().filter((request) => request.headers["idempotency-key"] === `refund:${refundId}`),
    ).toHaveLength(2);
    expect(stripe.refundsOf(payment.providerPaymentId)).toHaveLength(1);
  });

  it("is PROVIDER_REFUSED when Stripe refuses: more than is left, already refunded, charged back, unknown", async () => {
    const payment = await paidPayment(1_000);
    await refund(payment, 600);
    const tooMuch = await refusal(refund(payment, 500));
    expect(tooMuch.code).toBe("PROVIDER_REFUSED");
    expect(tooMuch.details).toEqual({ providerCode: "invalid_request_error", providerParam: "amount" });

    await refund(payment, 400);
    expect((await refusal(refund(payment, 1))).details).toEqual({ providerCode: "charge_already_refunded" });

    const disputed = await paidPayment();
    stripe.openDispute(disputed.providerPaymentId);
    expect((await refusal(refund(disputed, 100))).details).toEqual({ providerCode: "charge_disputed" });
    const unknown = await refusal(refund({ orderId: randomUUID(), providerPaymentId: "pi_unknown" }, 100));
    expect(unknown.details).toEqual({ providerCode: "resource_missing", providerParam: "payment_intent" });
    expect(stripe.refundsOf(disputed.providerPaymentId)).toHaveLength(0);
  });

  it("is PROVIDER_FAILED when every answer times out, and a retry returns the same refund without a second one", async () => {
    const payment = await paidPayment();
    const refundId = randomUUID();
    stripe.delayNextRefundAnswers(1_500, 3);
    const error = await refusal(refund(payment, 700, refundId));
    expect(error.code).toBe("PROVIDER_FAILED");
    expect(stripe.refundsOf(payment.providerPaymentId)).toHaveLength(1);

    const retried = await refund(payment, 700, refundId);
    expect(retried).toMatchObject({ providerRefundId: stripe.refundsOf(payment.providerPaymentId)[0]!.id, refundId });
    expect(stripe.refundsOf(payment.providerPaymentId)).toHaveLength(1);
  });

  it("maps Stripe's refund statuses: pending and requires_action are pending, failed and canceled are failed", async () => {
    const statuses: StripeStoredRefund["status"][] = ["pending", "requires_action", "failed", "canceled", "succeeded"];
    const mapped = [];
    for (const status of statuses) {
      stripe.newRefundStatus = status;
      mapped.push((await refund(await paidPayment(), 100)).status);
    }
    stripe.newRefundStatus = "succeeded";
    expect(mapped).toEqual(["pending", "pending", "failed", "failed", "succeeded"]);
  });

  it("lists a refund made in the dashboard without a refund id, and delivers charge.refunded with the charge", async () => {
    const payment = await paidPayment(1_000);
    const ours = await refund(payment, 100);
    const dashboard = stripe.refundInDashboard(payment.providerPaymentId, { amount: 250 });

    expect(await provider.listRefunds(payment)).toEqual([
      ours,
      { providerRefundId: dashboard.id, amount: 250, currency: "USD", status: "succeeded", refundId: null },
    ]);
    const delivery = await stripe.deliverChargeEvent(payment.providerPaymentId);
    expect(delivery).toMatchObject({ type: "charge.refunded", status: 200 });
    const event = provider.verifyEvent(
      Buffer.from(delivered.at(-1)!.body),
      delivered.at(-1)!.headers["stripe-signature"]!,
      new Date(),
    );
    expect(event.type).toBe("charge.refunded");
    expect(await provider.getCharge(event.objectId!)).toEqual({
      chargeId: event.objectId,
      paymentIntentId: payment.providerPaymentId,
      amount: 1_000,
      amountRefunded: 350,
      currency: "USD",
      disputed: false,
    });
    expect(await provider.getPaymentIntentOrder(payment.providerPaymentId)).toBe(payment.orderId);
  });

  it("reads a dispute back from its id, and lists it beside the refunds until it is decided", async () => {
    const payment = await paidPayment(1_000);
    const opened = stripe.openDispute(payment.providerPaymentId);
    await stripe.deliverDisputeEvent(opened.id, "charge.dispute.created");
    const event = provider.verifyEvent(
      Buffer.from(delivered.at(-1)!.body),
      delivered.at(-1)!.headers["stripe-signature"]!,
      new Date(),
    );
    expect(event).toMatchObject({ type: "charge.dispute.created", objectId: opened.id });

    expect(await provider.getDispute(opened.id)).toEqual({
      disputeId: opened.id,
      paymentIntentId: payment.providerPaymentId,
      amount: 1_000,
      currency: "USD",
      status: "needs_response",
    });
    const pending = {
      providerRefundId: opened.id,
      amount: 1_000,
      currency: "USD",
      refundId: null,
      disputeId: opened.id,
    };
    expect(await provider.listRefunds(payment)).toEqual([{ ...pending, status: "pending" }]);

    stripe.closeDispute(opened.id, "lost");
    await stripe.deliverDisputeEvent(opened.id, "charge.dispute.closed");
    expect((await provider.getDispute(opened.id))?.status).toBe("lost");
    expect(await provider.listRefunds(payment)).toEqual([{ ...pending, status: "succeeded" }]);
    expect(await provider.getDispute("dp_unknown")).toBeNull();
    expect(await provider.getPaymentIntentOrder("pi_unknown")).toBeNull();
  });

  it("is PROVIDER_FAILED when Stripe cannot be reached", async () => {
    const closed = new StripeStandIn({ deliver: async () => new Response(null) });
    await closed.start();
    await closed.close();
    const unreachable = new StripePaymentProvider({
      secretKey: stripe.secretKey,
      webhookSecret: stripe.webhookSecret,
      apiBaseUrl: closed.baseUrl,
      appUrl: "http://localhost:3100",
      timeoutMs: 300,
    });
    const error = await refusal(
      unreachable.refundPayment({
        orderId: randomUUID(),
        providerPaymentId: "pi_x",
        refundId: randomUUID(),
        amount: 100,
        currency: "USD",
      }),
    );
    expect(error.code).toBe("PROVIDER_FAILED");
  });
});

describe("Sandbox: refunds of the payments it took", () => {
  const sandbox = new SandboxPaymentProvider("http://localhost:3100");

  function taken(amount = 15_000) {
    const orderId = randomUUID();
    const payment = sandbox.takePayment({ orderId, amount, currency: "KRW", description: "1,000 points" }, new Date());
    return { orderId, providerPaymentId: payment.providerPaymentId };
  }

  it("refunds in part and in full, once per refund id, never more than was taken", async () => {
    const payment = taken();
    const refundId = randomUUID();
    const first = await sandbox.refundPayment({ ...payment, refundId, amount: 5_000, currency: "KRW" });
    expect(first).toMatchObject({ amount: 5_000, status: "succeeded", refundId });
    expect(await sandbox.refundPayment({ ...payment, refundId, amount: 5_000, currency: "KRW" })).toEqual(first);

    const tooMuch = await refusal(
      sandbox.refundPayment({ ...payment, refundId: randomUUID(), amount: 10_001, currency: "KRW" }),
    );
    expect(tooMuch.code).toBe("PROVIDER_REFUSED");
    expect(tooMuch.details).toEqual({ providerCode: "AMOUNT_EXCEEDS_REMAINING" });

    const rest = await sandbox.refundPayment({ ...payment, refundId: randomUUID(), amount: 10_000, currency: "KRW" });
    expect(await sandbox.listRefunds(payment)).toEqual([first, rest]);
  });

  it("refuses a payment it did not take", async () => {
    const error = await refusal(
      sandbox.refundPayment({
        orderId: randomUUID(),
        providerPaymentId: "sandbox_unknown",
        refundId: randomUUID(),
        amount: 1,
        currency: "KRW",
      }),
    );
    expect(error.details).toEqual({ providerCode: "PAYMENT_NOT_FOUND" });
  });
});
