/**
 * Reconciliation of our orders with the providers' records, against the Toss and Stripe
 * stand-ins (their transactions and Checkout Session listings, strict about auth, dates
 * and paging) and the sandbox's own record: each kind of mismatch is found and named,
 * matching payments are not, and the script prints ids and amounts only.
 */
import { execFile } from "node:child_process";
import { randomUUID } from "node:crypto";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ManualClock } from "../../lib/clock/clock";
import { getServerConfig } from "../../lib/config/env";
import { confirmPayment } from "../../lib/orders/confirm-payment";
import { createOrder } from "../../lib/orders/create-order";
import { ORDERS, type Order } from "../../lib/orders/order";
import { completeSandboxPayment } from "../../lib/payments/complete-sandbox-payment";
import { confirmTossPayment } from "../../lib/payments/confirm-toss-payment";
import type { PaymentProviderId, ProviderPayment } from "../../lib/payments/payment-provider";
import { reconcilePayments, type PaymentMismatch } from "../../lib/payments/reconcile-payments";
import { SandboxPaymentProvider } from "../../lib/payments/sandbox-payment-provider";
import { StripePaymentProvider } from "../../lib/payments/stripe/stripe-payment-provider";
import { TossPaymentProvider } from "../../lib/payments/toss-payment-provider";
import { TossPaymentsApi } from "../../lib/payments/toss-payments-api";
import { recordDispute, syncProviderRefunds } from "../../lib/refunds/record-provider-refunds";
import { requestRefund } from "../../lib/refunds/request-refund";
import { createServices, getServices, type Services } from "../../lib/services";
import type { TestUser } from "../support/firebase-users";
import { createMember } from "../support/members";
import { StripeStandIn } from "../support/stand-ins/stripe-stand-in";
import { TossStandIn } from "../support/stand-ins/toss-stand-in";

const MINUTE = 60_000;
const clock = new ManualClock(new Date());
const start = clock.now();
const period = { from: new Date(start.getTime() - MINUTE), to: new Date(start.getTime() + 60 * MINUTE) };
const toss = new TossStandIn({ deliver: async () => new Response(null, { status: 503 }), now: () => clock.now() });
const stripe = new StripeStandIn({ deliver: async () => new Response(null, { status: 200 }) });
const sandbox = new SandboxPaymentProvider("http://localhost:3100");
let tossProvider: TossPaymentProvider;
let stripeProvider: StripePaymentProvider;
let services: Services;

beforeAll(async () => {
  await Promise.all([toss.start(), stripe.start()]);
  tossProvider = new TossPaymentProvider(
    "http://localhost:3100",
    new TossPaymentsApi({ baseUrl: toss.baseUrl, secretKey: toss.secretKey, timeoutMs: 1_000, retries: 0 }),
  );
  stripeProvider = new StripePaymentProvider({
    secretKey: stripe.secretKey,
    webhookSecret: stripe.webhookSecret,
    apiBaseUrl: stripe.baseUrl,
    appUrl: "http://localhost:3100",
  });
  services = createServices(getServerConfig(), {
    db: getServices().db,
    clock,
    paymentProviders: { sandbox, toss: tossProvider, stripe: stripeProvider },
  });
});

afterAll(async () => {
  await Promise.all([toss.close(), stripe.close()]);
});

async function newOrder(buyer: TestUser, provider: PaymentProviderId): Promise<{ orderId: string; order: Order }> {
  const { orderId } = await createOrder({
    services,
    uid: buyer.uid,
    input: { packageId: "points-1000", provider },
    idempotencyKey: randomUUID(),
  });
  return { orderId, order: await stored(orderId) };
}

async function stored(orderId: string): Promise<Order> {
  const doc = await services.db.get(ORDERS, orderId);
  if (!doc) throw new Error(`No order ${orderId}`);
  return doc.data;
}

function kinds(mismatches: PaymentMismatch[]): Record<string, string[]> {
  const byOrder: Record<string, string[]> = {};
  for (const mismatch of mismatches) (byOrder[mismatch.orderId] ??= []).push(mismatch.kind);
  return byOrder;
}

async function collect(payments: AsyncIterable<ProviderPayment>): Promise<ProviderPayment[]> {
  const all: ProviderPayment[] = [];
  for await (const payment of payments) all.push(payment);
  return all;
}

describe("reconciling our orders with the providers' records", () => {
  it("names every mismatch per provider, and none for payments both sides agree on", async () => {
    const buyer = await createMember(services);
    const expected: Record<PaymentProviderId, Record<string, string[]>> = { sandbox: {}, toss: {}, stripe: {} };

    // Sandbox: one paid on both sides, one taken there only, one paid here only.
    const agreed = await newOrder(buyer, "sandbox");
    await completeSandboxPayment({ services, uid: buyer.uid, orderId: agreed.orderId });
    const takenThere = await newOrder(buyer, "sandbox");
    sandbox.takePayment({ ...takenThere.order, orderId: takenThere.orderId, description: "" }, clock.now());
    expected.sandbox[takenThere.orderId] = ["paid-only-at-provider"];
    const paidHere = await newOrder(buyer, "sandbox");
    await confirmPayment({
      services,
      orderId: paidHere.orderId,
      provider: "sandbox",
      providerPaymentId: "sandbox_unknown",
      amount: paidHere.order.amount,
      currency: paidHere.order.currency,
    });
    expected.sandbox[paidHere.orderId] = ["paid-only-with-us"];

    // Toss: one paid on both sides then partly canceled in Toss's dashboard, one confirmed at Toss only.
    const tossBuyer = await createMember(services);
    const refunded = await newOrder(tossBuyer, "toss");
    const refundedKey = toss.authenticate({ orderId: refunded.orderId, amount: refunded.order.amount });
    await confirmTossPayment({
      services,
      uid: tossBuyer.uid,
      input: { paymentKey: refundedKey, orderId: refunded.orderId, amount: refunded.order.amount },
    });
    clock.advance(MINUTE);
    toss.cancelInDashboard(refundedKey, { amount: 300 });
    expected.toss[refunded.orderId] = ["refunded-differs"];
    const tossOnly = await newOrder(tossBuyer, "toss");
    const tossOnlyKey = toss.authenticate({ orderId: tossOnly.orderId, amount: tossOnly.order.amount });
    await tossProvider.api.confirm(
      { paymentKey: tossOnlyKey, orderId: tossOnly.orderId, amount: tossOnly.order.amount },
      `confirm-${tossOnlyKey}`,
    );
    expected.toss[tossOnly.orderId] = ["paid-only-at-provider"];

    // Stripe: one paid on both sides, one whose webhook was lost, one whose stored amount was altered.
    const stripeBuyer = await createMember(services);
    const stripeOrders = [];
    for (let i = 0; i < 3; i++) stripeOrders.push(await newOrder(stripeBuyer, "stripe"));
    const [bothSides, lost, altered] = stripeOrders.map(({ orderId, order }) => ({
      orderId,
      sessionId: order.providerCheckoutId!,
    }));
    for (const { orderId, sessionId } of [bothSides!, altered!]) {
      stripe.completeUndelivered(sessionId);
      await confirmPayment({
        services,
        orderId,
        provider: "stripe",
        providerPaymentId: stripe.session(sessionId).payment_intent!,
        amount: 1_000,
        currency: "USD",
      });
    }
    stripe.completeUndelivered(lost!.sessionId);
    expected.stripe[lost!.orderId] = ["paid-only-at-provider"];
    await services.db.runTransaction(async (tx) => tx.update(ORDERS, altered!.orderId, { amount: 900 }));
    expected.stripe[altered!.orderId] = ["amount-differs"];

    const results = await reconcilePayments({ services, period });
    expect(results.map((result) => result.provider).sort()).toEqual(["sandbox", "stripe", "toss"]);
    for (const result of results) expect(kinds(result.mismatches)).toEqual(expected[result.provider]);
    const tossResult = results.find((result) => result.provider === "toss")!;
    expect(tossResult).toMatchObject({ orders: 2, providerPayments: 2 });
    expect(tossResult.mismatches[0]).toMatchObject({
      providerPaymentId: refundedKey,
      ours: { status: "paid", amount: refunded.order.amount, currency: "KRW", refundedAmount: 0 },
      theirs: { status: "paid", amount: refunded.order.amount, currency: "KRW", refundedAmount: 300 },
    });

    // One provider alone, and a period before any of it: nothing to compare.
    expect((await reconcilePayments({ services, period, provider: "toss" })).map((r) => r.provider)).toEqual(["toss"]);
    const before = { from: new Date(period.from.getTime() - 120 * MINUTE), to: period.from };
    for (const result of await reconcilePayments({ services, period: before }))
      expect(result).toMatchObject({ orders: 0, providerPayments: 0, mismatches: [] });
  });

  it("compares what went back: refunds through lib/refunds agree, a refund or chargeback made at the provider differs until recorded", async () => {
    const buyer = await createMember(services);
    const refundedBy = async (orderId: string) => {
      const refund = await requestRefund({ services, uid: buyer.uid, orderId, idempotencyKey: randomUUID() });
      expect(refund).toMatchObject({ origin: "withdrawal", status: "succeeded" });
    };
    const paidAtStripe = async () => {
      const { orderId, order } = await newOrder(buyer, "stripe");
      stripe.completeUndelivered(order.providerCheckoutId!);
      const paymentIntentId = stripe.paymentIntentOf(order.providerCheckoutId!);
      await confirmPayment({
        services,
        orderId,
        provider: "stripe",
        providerPaymentId: paymentIntentId,
        amount: order.amount,
        currency: "USD",
      });
      return { orderId, paymentIntentId, amount: order.amount };
    };

    // Refunded in full through our own refund, on each provider.
    const sandboxOrder = await newOrder(buyer, "sandbox");
    await completeSandboxPayment({ services, uid: buyer.uid, orderId: sandboxOrder.orderId });
    await refundedBy(sandboxOrder.orderId);
    const tossOrder = await newOrder(buyer, "toss");
    const tossKey = toss.authenticate({ orderId: tossOrder.orderId, amount: tossOrder.order.amount });
    await confirmTossPayment({
      services,
      uid: buyer.uid,
      input: { paymentKey: tossKey, orderId: tossOrder.orderId, amount: tossOrder.order.amount },
    });
    await refundedBy(tossOrder.orderId);
    // Toss's cancel is one transaction: in the payment's cancels and in the transactions API, under one key.
    const [tossCancel] = toss.cancelsOf(tossKey);
    const tossTransactions = await tossProvider.api.listTransactions({ ...period, limit: 5_000 });
    expect(tossTransactions.filter((t) => t.paymentKey === tossKey)).toEqual([
      expect.objectContaining({ status: "DONE", amount: tossOrder.order.amount }),
      expect.objectContaining({
        transactionKey: tossCancel!.transactionKey,
        status: "CANCELED",
        amount: tossOrder.order.amount,
      }),
    ]);
    const stripeRefunded = await paidAtStripe();
    await refundedBy(stripeRefunded.orderId);
    // Refunded in part in Stripe's dashboard, and charged back, neither recorded here yet.
    const dashboardRefund = await paidAtStripe();
    stripe.refundInDashboard(dashboardRefund.paymentIntentId, { amount: 400 });
    const chargedBack = await paidAtStripe();
    const dispute = stripe.openDispute(chargedBack.paymentIntentId);

    const refundMismatches = async () => {
      const ours = [
        sandboxOrder.orderId,
        tossOrder.orderId,
        stripeRefunded.orderId,
        dashboardRefund.orderId,
        chargedBack.orderId,
      ];
      const found: Record<string, PaymentMismatch[]> = {};
      for (const result of await reconcilePayments({ services, period }))
        for (const mismatch of result.mismatches)
          if (ours.includes(mismatch.orderId)) (found[mismatch.orderId] ??= []).push(mismatch);
      return found;
    };
    const before = await refundMismatches();
    expect(Object.keys(before).sort()).toEqual([dashboardRefund.orderId, chargedBack.orderId].sort());
    expect(before[dashboardRefund.orderId]).toEqual([
      expect.objectContaining({
        kind: "refunded-differs",
        providerPaymentId: dashboardRefund.paymentIntentId,
        ours: expect.objectContaining({ status: "paid", refundedAmount: 0 }),
        theirs: expect.objectContaining({ status: "paid", refundedAmount: 400 }),
      }),
    ]);
    expect(before[chargedBack.orderId]).toEqual([
      expect.objectContaining({
        kind: "refunded-differs",
        ours: expect.objectContaining({ refundedAmount: 0 }),
        theirs: expect.objectContaining({ refundedAmount: chargedBack.amount }),
      }),
    ]);
    // The sandbox reports its refunds itself: the agreement above is not two zeros.
    const sandboxListed = (await collect(sandbox.listPayments(period))).find((p) => p.orderId === sandboxOrder.orderId);
    expect(sandboxListed).toMatchObject({ refundedAmount: sandboxOrder.order.amount });
    expect(await stored(tossOrder.orderId)).toMatchObject({
      status: "refunded",
      refundedAmount: tossOrder.order.amount,
    });

    // Recorded as the webhooks would record them: the two sides agree again.
    expect(await syncProviderRefunds({ services, orderId: dashboardRefund.orderId })).toBe(1);
    const disputed = { disputeId: dispute.id, amount: dispute.amount, currency: "USD" as const };
    await recordDispute({
      services,
      orderId: chargedBack.orderId,
      dispute: { ...disputed, outcome: "funds-withdrawn" },
    });
    expect(await refundMismatches()).toEqual({});

    // A chargeback won at Stripe but not yet here: Stripe has the money back, we still count it refunded.
    stripe.closeDispute(dispute.id, "won");
    expect((await refundMismatches())[chargedBack.orderId]).toEqual([
      expect.objectContaining({
        kind: "refunded-differs",
        ours: expect.objectContaining({ refundedAmount: chargedBack.amount }),
        theirs: expect.objectContaining({ refundedAmount: 0 }),
      }),
    ]);
    await recordDispute({ services, orderId: chargedBack.orderId, dispute: { ...disputed, outcome: "won" } });
    expect(await refundMismatches()).toEqual({});
  });

  it("walks every page of Stripe's Checkout Sessions in the period", async () => {
    const from = new Date(Math.floor(Date.now() / 1000) * 1000);
    const receivedBefore = stripe.received.length;
    const orderIds = new Set<string>();
    for (let i = 0; i < 105; i++) {
      const orderId = randomUUID();
      orderIds.add(orderId);
      await stripeProvider.startCheckout({ orderId, amount: 500, currency: "USD", description: "500 points" });
    }
    const listed = await collect(stripeProvider.listPayments({ from, to: new Date(Date.now() + 2_000) }));
    expect(new Set(listed.map((payment) => payment.orderId).filter((id) => orderIds.has(id)))).toEqual(orderIds);
    const lists = stripe.received
      .slice(receivedBefore)
      .filter((r) => r.method === "GET" && r.path === "/v1/checkout/sessions");
    expect(lists.length).toBeGreaterThanOrEqual(2);
    expect(decodeURIComponent(lists[1]!.query)).toMatch(/starting_after=cs_/);
    expect(decodeURIComponent(lists[0]!.query)).toContain("expand[0]=data.payment_intent.latest_charge");
  });
});

describe("the stand-ins' listings", () => {
  it("Toss pages its transactions by startingAfter and refuses what Toss refuses", async () => {
    const api = tossProvider.api;
    const from = new Date(clock.now().getTime() - 24 * 60 * MINUTE);
    const to = new Date(clock.now().getTime() + 60 * MINUTE);
    const all = await api.listTransactions({ from, to, limit: 5_000 });
    expect(all.length).toBeGreaterThanOrEqual(3);
    const first = await api.listTransactions({ from, to, limit: 2 });
    const next = await api.listTransactions({ from, to, limit: 2, startingAfter: first[1]!.transactionKey });
    expect([...first, ...next].map((t) => t.transactionKey)).toEqual(all.slice(0, 4).map((t) => t.transactionKey));
    expect(all[0]!.transactionAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+09:00$/);

    const get = (query: string, secretKey = toss.secretKey) =>
      fetch(`${toss.baseUrl}/v1/transactions?${query}`, {
        headers: { authorization: `Basic ${Buffer.from(`${secretKey}:`).toString("base64")}` },
      }).then(async (response) => ({ status: response.status, body: (await response.json()) as { code?: string } }));
    const dates = "startDate=2026-01-01T00:00:00&endDate=2026-01-01T23:59:59";
    expect(await get(dates, "test_sk_wrong")).toMatchObject({ status: 401, body: { code: "UNAUTHORIZED_KEY" } });
    expect(await get("startDate=2026-01-01T00:00:00")).toMatchObject({
      status: 400,
      body: { code: "INVALID_REQUEST" },
    });
    expect(await get("startDate=2026-01-01T00:00:00Z&endDate=2026-01-02T00:00:00Z")).toMatchObject({ status: 400 });
    expect(await get(`${dates}&limit=5001`)).toMatchObject({ status: 400, body: { code: "INVALID_REQUEST" } });
    expect(await get(`${dates}&startingAfter=txrd_nope`)).toMatchObject({
      status: 400,
      body: { code: "INVALID_TRANSACTION_KEY" },
    });
    expect(await get(dates)).toEqual({ status: 200, body: [] });
  });

  it("Stripe refuses a list expansion without data., a limit over 100 and an unknown parameter", async () => {
    const get = (query: string) =>
      fetch(`${stripe.baseUrl}/v1/checkout/sessions?${query}`, {
        headers: { authorization: `Bearer ${stripe.secretKey}` },
      }).then((response) => response.status);
    expect(await get("expand[0]=payment_intent")).toBe(400);
    expect(await get("limit=101")).toBe(400);
    expect(await get("created[after]=1")).toBe(400);
    expect(await get("limit=1")).toBe(200);
  });
});

describe("npm run payments:reconcile", () => {
  it("prints each mismatch and a summary with ids and amounts only, and exits 1", async () => {
    const buyer = await createMember(services);
    const { orderId, order } = await newOrder(buyer, "toss");
    const paymentKey = toss.authenticate({ orderId, amount: order.amount });
    await tossProvider.api.confirm({ paymentKey, orderId, amount: order.amount }, `confirm-${paymentKey}`);
    const run = await promisify(execFile)(
      process.execPath,
      [
        "--import",
        "tsx",
        "scripts/reconcile-payments.ts",
        "--from",
        period.from.toISOString(),
        "--to",
        period.to.toISOString(),
        "--provider",
        "toss",
      ],
      {
        env: {
          ...process.env,
          PAYMENT_PROVIDERS: "sandbox,toss",
          TOSS_CLIENT_KEY: toss.clientKey,
          TOSS_SECRET_KEY: toss.secretKey,
          TOSS_API_BASE_URL: toss.baseUrl,
        },
      },
    ).then(
      (result) => ({ code: 0, stdout: result.stdout }),
      (error: { code: number; stdout: string }) => ({ code: error.code, stdout: error.stdout }),
    );
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      `MISMATCH toss paid-only-at-provider order=${orderId} payment=${paymentKey} ours=pending ${order.amount} KRW refunded 0 theirs=paid ${order.amount} KRW refunded 0`,
    );
    expect(run.stdout).toMatch(/^toss: \d+ order\(s\), \d+ provider payment\(s\), \d+ mismatch\(es\)\.$/m);
    expect(run.stdout).not.toContain(buyer.uid);
    expect(run.stdout).not.toContain(buyer.email);
  });
});
