/**
 * Refunds through the real adapters and stand-ins that speak Toss's and Stripe's APIs:
 * the buyer's refund goes out as a Toss cancel or a Stripe refund, a refund or a
 * chargeback made at the provider comes back through its webhook, each recorded once
 * however often it is delivered, and a refund whose answer was lost is finished by the
 * sweep without returning the money twice.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as postOrder } from "../../app/api/orders/route";
import { POST as postRefund } from "../../app/api/orders/[id]/refund/route";
import { POST as postConfirm } from "../../app/api/payments/toss/confirm/route";
import { POST as postStripeWebhook } from "../../app/api/webhooks/stripe/route";
import { POST as postTossWebhook } from "../../app/api/webhooks/toss/route";
import { ORDERS, type Order } from "../../lib/orders/order";
import { readPointAccount } from "../../lib/points/ledger";
import { verifyLedger } from "../../lib/points/verify-ledger";
import { REFUNDS, type Refund } from "../../lib/refunds/refund";
import { resumeRefunds } from "../../lib/refunds/resume-refunds";
import { createServices, getServices, type Services } from "../../lib/services";
import { ManualClock } from "../../lib/clock/clock";
import type { TestUser } from "../support/firebase-users";
import { call } from "../support/http";
import { createMember } from "../support/members";
import { StripeStandIn, type SignedDelivery } from "../support/stand-ins/stripe-stand-in";
import { TossStandIn } from "../support/stand-ins/toss-stand-in";

const toss = new TossStandIn({
  deliver: ({ body }) =>
    call(postTossWebhook, { method: "POST", path: "/api/webhooks/toss", rawBody: body, origin: null }),
});
const stripe = new StripeStandIn({
  deliver: (delivery: SignedDelivery) =>
    call(postStripeWebhook, {
      method: "POST",
      path: "/api/webhooks/stripe",
      rawBody: delivery.body,
      headers: delivery.headers,
      origin: null,
    }),
});
let services: Services;

beforeAll(async () => {
  await Promise.all([toss.start(), stripe.start()]);
  // Before any service exists: the routes build theirs from this environment.
  Object.assign(process.env, {
    PAYMENT_PROVIDERS: "sandbox,toss,stripe",
    TOSS_CLIENT_KEY: toss.clientKey,
    TOSS_SECRET_KEY: toss.secretKey,
    TOSS_API_BASE_URL: toss.baseUrl,
    TOSS_TIMEOUT_MS: "400",
    STRIPE_SECRET_KEY: stripe.secretKey,
    STRIPE_WEBHOOK_SECRET: stripe.webhookSecret,
    STRIPE_API_BASE_URL: stripe.baseUrl,
  });
  services = getServices();
});

afterAll(async () => {
  await Promise.all([toss.close(), stripe.close()]);
});

async function order(member: TestUser, provider: "toss" | "stripe"): Promise<string> {
  const response = await call(postOrder, {
    method: "POST",
    path: "/api/orders",
    body: { packageId: "points-1000", provider },
    token: member.idToken,
    headers: { "Idempotency-Key": randomUUID() },
  });
  expect(response.status).toBe(201);
  return ((await response.json()) as { orderId: string }).orderId;
}

/** A 1,000-point card purchase through Toss (₩15,000): the widget, then our confirm. */
async function buyWithToss(member: TestUser): Promise<{ orderId: string; paymentKey: string }> {
  const orderId = await order(member, "toss");
  const paymentKey = toss.authenticate({ orderId, amount: 15_000, method: "card" });
  const confirmed = await call(postConfirm, {
    method: "POST",
    path: "/api/payments/toss/confirm",
    body: { paymentKey, orderId, amount: 15_000 },
    token: member.idToken,
  });
  expect(confirmed.status).toBe(200);
  return { orderId, paymentKey };
}

/** A 1,000-point purchase through Stripe Checkout ($10.00), credited by its webhook. */
async function buyWithStripe(member: TestUser): Promise<{ orderId: string; paymentIntentId: string }> {
  const orderId = await order(member, "stripe");
  const sessionId = (await stored(orderId)).providerCheckoutId!;
  await stripe.complete(sessionId, { paid: true });
  const paid = await stored(orderId);
  expect(paid.status).toBe("paid");
  return { orderId, paymentIntentId: paid.providerPaymentId! };
}

function refund(member: TestUser, orderId: string): Promise<Response> {
  return call(postRefund, {
    method: "POST",
    path: `/api/orders/${orderId}/refund`,
    params: { id: orderId },
    token: member.idToken,
    headers: { "Idempotency-Key": randomUUID() },
  });
}

async function stored(orderId: string): Promise<Order> {
  return (await services.db.get(ORDERS, orderId))!.data;
}

async function refundsOf(orderId: string): Promise<Refund[]> {
  const docs = await services.db.query({
    collection: REFUNDS,
    where: [{ field: "orderId", op: "==", value: orderId }],
  });
  return docs.map((doc) => doc.data).sort((a, b) => a.requestedAt.localeCompare(b.requestedAt));
}

async function balance(member: TestUser): Promise<number> {
  return services.db.runTransaction(async (tx) => (await readPointAccount(tx, member.uid)).balance);
}

async function expectHonestLedger(): Promise<void> {
  expect((await verifyLedger({ db: services.db })).problems).toEqual([]);
}

describe("Toss", () => {
  it("refunds a withdrawal as a full cancel of the payment, under the refund's id", async () => {
    const member = await createMember(services);
    const { orderId, paymentKey } = await buyWithToss(member);
    const response = await refund(member, orderId);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { refundId: string };
    expect(body).toMatchObject({ origin: "withdrawal", status: "succeeded", amount: 15_000 });
    const [cancel] = toss.cancelRequests().filter((request) => request.path.includes(paymentKey));
    expect(cancel!.headers["idempotency-key"]).toBe(body.refundId);
    expect(toss.cancelsOf(paymentKey)).toHaveLength(1);
    expect(await stored(orderId)).toMatchObject({ status: "refunded", refundedAmount: 15_000 });
    expect(await balance(member)).toBe(0);

    // Toss then reports the cancel (twice): it is ours, already recorded.
    await toss.postStatusChanged(paymentKey);
    await toss.postStatusChanged(paymentKey);
    expect(await refundsOf(orderId)).toHaveLength(1);
    await expectHonestLedger();
  });

  it("records a cancel made in Toss's dashboard once, from its webhook, however often delivered", async () => {
    const member = await createMember(services);
    const { orderId, paymentKey } = await buyWithToss(member);
    toss.cancelInDashboard(paymentKey, { amount: 6_000 });
    for (let i = 0; i < 5; i++) expect(await toss.postStatusChanged(paymentKey)).toBe(200);
    const [recorded] = await refundsOf(orderId);
    expect(await refundsOf(orderId)).toHaveLength(1);
    // ₩6,000 of ₩15,000 bought 400 of the 1,000 points.
    expect(recorded).toMatchObject({ origin: "provider", status: "succeeded", amount: 6_000, points: 400 });
    expect(await stored(orderId)).toMatchObject({ status: "partially_refunded", refundedAmount: 6_000 });
    expect(await balance(member)).toBe(600);
    await expectHonestLedger();
  });

  it("finishes a refund whose answer timed out with the sweep, cancelling once", async () => {
    const member = await createMember(services);
    const { orderId, paymentKey } = await buyWithToss(member);
    // Every attempt (the first and both retries) outlasts the 400 ms timeout.
    toss.delayNextCancelAnswers(600, 3);
    const response = await refund(member, orderId);
    expect(await response.json()).toMatchObject({ status: "processing" });
    expect(await balance(member)).toBe(0);

    // A minute on, the sweep asks again with the same key; Toss had cancelled already.
    const later = createServices(services.config, {
      db: services.db,
      paymentProviders: services.paymentProviders,
      clock: new ManualClock(new Date(Date.now() + 2 * 60_000)),
    });
    expect(await resumeRefunds({ services: later })).toEqual({ resumed: 1 });
    expect(toss.cancelsOf(paymentKey)).toHaveLength(1);
    expect((await refundsOf(orderId))[0]).toMatchObject({ status: "succeeded" });
    expect(await stored(orderId)).toMatchObject({ status: "refunded", refundedAmount: 15_000 });
    await expectHonestLedger();
  });
});

describe("Stripe", () => {
  it("refunds a withdrawal through a Stripe Refund of the PaymentIntent", async () => {
    const member = await createMember(services);
    const { orderId, paymentIntentId } = await buyWithStripe(member);
    const response = await refund(member, orderId);
    const body = (await response.json()) as { refundId: string };
    expect(body).toMatchObject({ status: "succeeded", amount: 1_000, currency: "USD" });
    expect(stripe.refundsOf(paymentIntentId)).toHaveLength(1);
    // Stripe's charge.refunded for our own refund, delivered three times, adds nothing.
    for (let i = 0; i < 3; i++) await stripe.deliverChargeEvent(paymentIntentId);
    expect(await refundsOf(orderId)).toHaveLength(1);
    expect(await balance(member)).toBe(0);
    await expectHonestLedger();
  });

  it("records a dashboard refund from charge.refunded once, under new event ids too", async () => {
    const member = await createMember(services);
    const { orderId, paymentIntentId } = await buyWithStripe(member);
    stripe.refundInDashboard(paymentIntentId, { amount: 250 });
    for (let i = 0; i < 3; i++) {
      const delivery = await stripe.deliverChargeEvent(paymentIntentId);
      expect(delivery.status).toBe(200);
    }
    expect(await refundsOf(orderId)).toEqual([
      expect.objectContaining({ origin: "provider", amount: 250, points: 250, status: "succeeded" }),
    ]);
    expect(await balance(member)).toBe(750);
    await expectHonestLedger();
  });

  it("takes a chargeback's points back when it opens and returns them when it is won", async () => {
    const member = await createMember(services);
    const { orderId, paymentIntentId } = await buyWithStripe(member);
    const dispute = stripe.openDispute(paymentIntentId);
    await stripe.deliverDisputeEvent(dispute.id, "charge.dispute.created");
    await stripe.deliverDisputeEvent(dispute.id, "charge.dispute.funds_withdrawn");
    expect(await refundsOf(orderId)).toEqual([expect.objectContaining({ origin: "dispute", amount: 1_000 })]);
    expect(await balance(member)).toBe(0);
    expect((await stored(orderId)).status).toBe("refunded");

    stripe.closeDispute(dispute.id, "won");
    await stripe.deliverDisputeEvent(dispute.id, "charge.dispute.closed");
    await stripe.deliverDisputeEvent(dispute.id, "charge.dispute.closed");
    expect(await refundsOf(orderId)).toEqual([expect.objectContaining({ origin: "dispute", status: "reversed" })]);
    expect(await balance(member)).toBe(1_000);
    expect(await stored(orderId)).toMatchObject({ status: "paid", refundedAmount: 0 });
    await expectHonestLedger();
  });
});
