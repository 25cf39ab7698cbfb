/**
 * Stripe purchases through the official package, against a stand-in that speaks
 * Stripe's API and signs its events as Stripe does. The app's webhook route is called
 * in-process with exactly what the stand-in sends.
 */
import { randomUUID } from "node:crypto";
import Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as postStripeWebhook } from "../../app/api/webhooks/stripe/route";
import { getServerConfig } from "../../lib/config/env";
import { isAppError } from "../../lib/errors/app-error";
import type { PaymentLookupOrder } from "../../lib/payments/payment-provider";
import { createOrder } from "../../lib/orders/create-order";
import { ORDERS, type Order } from "../../lib/orders/order";
import { receiveStripeEvent } from "../../lib/payments/stripe/receive-stripe-event";
import { StripePaymentProvider } from "../../lib/payments/stripe/stripe-payment-provider";
import { POINT_ENTRIES, readPointAccount } from "../../lib/points/ledger";
import { verifyLedger } from "../../lib/points/verify-ledger";
import { createServices, getServices, type Services } from "../../lib/services";
import { WEBHOOK_DELIVERIES, webhookDeliveryId } from "../../lib/webhooks/webhook-delivery";
import type { TestUser } from "../support/firebase-users";
import { call } from "../support/http";
import { createMember } from "../support/members";
import { parseStripeForm, StripeStandIn, type SignedDelivery } from "../support/stand-ins/stripe-stand-in";
import { describePaymentProviderContract } from "./contracts/payment-provider-contract";

function postEvent(delivery: SignedDelivery): Promise<Response> {
  return call(postStripeWebhook, {
    method: "POST",
    path: "/api/webhooks/stripe",
    rawBody: delivery.body,
    headers: delivery.headers,
    origin: null,
  });
}

const stripe = new StripeStandIn({ deliver: postEvent });

let services: Services;
let member: TestUser;

beforeAll(async () => {
  await stripe.start();
  process.env.PAYMENT_PROVIDERS = "sandbox,stripe";
  process.env.STRIPE_SECRET_KEY = stripe.secretKey;
  process.env.STRIPE_WEBHOOK_SECRET = stripe.webhookSecret;
  process.env.STRIPE_API_BASE_URL = stripe.baseUrl;
  services = getServices();
  member = await createMember(services);
});

afterAll(async () => {
  await stripe.close();
});

describePaymentProviderContract("StripePaymentProvider", {
  open: async () => {
    const config = getServerConfig();
    return new StripePaymentProvider({
      secretKey: config.STRIPE_SECRET_KEY!,
      webhookSecret: config.STRIPE_WEBHOOK_SECRET!,
      apiBaseUrl: config.STRIPE_API_BASE_URL,
      appUrl: config.APP_URL,
    });
  },
  secrets: [stripe.secretKey, stripe.webhookSecret],
});

async function balance(): Promise<number> {
  return services.db.runTransaction(async (tx) => (await readPointAccount(tx, member.uid)).balance);
}

async function storedOrder(orderId: string): Promise<Order> {
  const doc = await services.db.get(ORDERS, orderId);
  if (!doc) throw new Error(`No order ${orderId}`);
  return doc.data;
}

async function purchaseEntries(orderId: string): Promise<number> {
  const entries = await services.db.query({
    collection: POINT_ENTRIES,
    where: [{ field: "orderId", op: "==", value: orderId }],
  });
  return entries.length;
}

async function eventRecorded(eventId: string): Promise<boolean> {
  return (await services.db.get(WEBHOOK_DELIVERIES, webhookDeliveryId("stripe", eventId))) !== null;
}

/** What the expiry sweep asks Stripe about an unpaid 1,000-point order. */
function unpaid(orderId: string, sessionId: string | null): PaymentLookupOrder {
  return {
    orderId,
    amount: 1_000,
    currency: "USD",
    providerPaymentId: null,
    providerCheckoutId: sessionId,
    closing: true,
  };
}

/** An order for the 1,000-point package ($10.00), and its Checkout Session id. */
async function startPurchase(
  packageId = "points-1000",
  buyer: TestUser = member,
): Promise<{ orderId: string; sessionId: string }> {
  const { orderId, checkoutUrl } = await createOrder({
    services,
    uid: buyer.uid,
    input: { packageId, provider: "stripe" },
    idempotencyKey: randomUUID(),
  });
  const order = await storedOrder(orderId);
  const sessionId = order.providerCheckoutId;
  if (!sessionId) throw new Error("The order kept no Checkout Session id.");
  expect(checkoutUrl).toBe(stripe.session(sessionId).url);
  return { orderId, sessionId };
}

describe("a Stripe purchase", () => {
  it("opens a Checkout Session for the stored amount, named by our order id alone", async () => {
    const { orderId, sessionId } = await startPurchase("points-5000");
    const create = stripe.received.filter((r) => r.method === "POST" && r.path === "/v1/checkout/sessions").at(-1)!;
    expect(create.headers.authorization).toBe(`Bearer ${stripe.secretKey}`);
    expect(create.headers["stripe-version"]).toBe(Stripe.API_VERSION);
    expect(create.headers["idempotency-key"]).toBe(`checkout-session:${orderId}`);
    expect(create.headers["content-type"]).toMatch(/^application\/x-www-form-urlencoded/);
    const returnUrl = `${getServerConfig().APP_URL}/ko/points?order=${orderId}`;
    expect(parseStripeForm(create.body)).toEqual({
      mode: "payment",
      line_items: [
        { quantity: "1", price_data: { currency: "usd", unit_amount: "5000", product_data: { name: "5,250 points" } } },
      ],
      client_reference_id: orderId,
      metadata: { orderId },
      success_url: returnUrl,
      cancel_url: `${returnUrl}&checkout=canceled`,
    });
    expect(stripe.session(sessionId)).toMatchObject({
      amount_total: 5_000,
      currency: "usd",
      client_reference_id: orderId,
    });
  });

  it("credits the points once the paid session's event arrives, with the charge's receipt", async () => {
    const before = await balance();
    const { orderId, sessionId } = await startPurchase();
    const delivery = await stripe.complete(sessionId, { paid: true });
    expect(delivery.status).toBe(200);
    const order = await storedOrder(orderId);
    const paymentIntentId = stripe.session(sessionId).payment_intent;
    expect(order).toMatchObject({ status: "paid", providerPaymentId: paymentIntentId });
    expect(order.receiptUrl).toMatch(new RegExp(`^${stripe.baseUrl}/receipts/payment/`));
    expect(await balance()).toBe(before + 1_000);
    expect(await purchaseEntries(orderId)).toBe(1);
    // The session was read again from Stripe, with its charge, before anything was believed.
    const read = stripe.received.filter((r) => r.method === "GET" && r.path === `/v1/checkout/sessions/${sessionId}`);
    expect(read).toHaveLength(1);
    expect(parseStripeForm(read[0]!.query)).toEqual({ expand: ["payment_intent.latest_charge"] });
  });

  it("credits once through 1,000 repeated deliveries of the event, and 50 at once", async () => {
    const before = await balance();
    const { orderId, sessionId } = await startPurchase();
    const { eventId } = await stripe.complete(sessionId, { paid: true });
    for (let i = 0; i < 1_000; i++) expect((await stripe.redeliver(eventId)).status).toBe(200);
    const parallel = await Promise.all(Array.from({ length: 50 }, () => stripe.redeliver(eventId)));
    expect(parallel.map((d) => d.status)).toEqual(Array(50).fill(200));
    expect(await balance()).toBe(before + 1_000);
    expect(await purchaseEntries(orderId)).toBe(1);
    expect((await verifyLedger({ db: services.db })).problems).toEqual([]);
  }, 120_000);

  it("credits 50 simultaneous first deliveries of one event once", async () => {
    const before = await balance();
    const { orderId, sessionId } = await startPurchase();
    const eventId = stripe.completeUndelivered(sessionId);
    const answers = await Promise.all(Array.from({ length: 50 }, () => postEvent(stripe.sign(eventId))));
    expect(answers.map((a) => a.status)).toEqual(Array(50).fill(200));
    expect(await balance()).toBe(before + 1_000);
    expect(await purchaseEntries(orderId)).toBe(1);
  });

  it("credits once when the same session arrives under a new event id", async () => {
    const before = await balance();
    const { orderId, sessionId } = await startPurchase();
    await stripe.complete(sessionId, { paid: true });
    const again = await stripe.emit("checkout.session.completed", sessionId);
    expect(again.status).toBe(200);
    expect(await eventRecorded(again.eventId)).toBe(true);
    expect(await balance()).toBe(before + 1_000);
    expect(await purchaseEntries(orderId)).toBe(1);
  });

  it("refuses a forged, altered, unsigned or stale event with 400 and changes nothing", async () => {
    const before = await balance();
    const { orderId, sessionId } = await startPurchase();
    const eventId = stripe.completeUndelivered(sessionId);
    const genuine = stripe.sign(eventId);
    const now = Math.floor(Date.now() / 1000);
    const refused: SignedDelivery[] = [
      stripe.sign(eventId, { secret: "whsec_forged0000000000000000000000" }),
      { ...genuine, body: genuine.body.replace(`"livemode": false`, `"livemode": true`) },
      { ...genuine, headers: { "content-type": "application/json" } },
      stripe.sign(eventId, { timestamp: now - 301 }),
      {
        ...genuine,
        headers: {
          ...genuine.headers,
          "stripe-signature": Stripe.webhooks.generateTestHeaderString({
            payload: genuine.body,
            secret: stripe.webhookSecret,
            timestamp: now - 3_600,
          }),
        },
      },
    ];
    for (const delivery of refused) {
      const response = await postEvent(delivery);
      expect(response.status).toBe(400);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe("WEBHOOK_SIGNATURE_INVALID");
    }
    expect(await storedOrder(orderId)).toMatchObject({ status: "pending" });
    expect(await eventRecorded(eventId)).toBe(false);
    expect(await balance()).toBe(before);
    // What was refused was the signature alone: the genuine delivery still credits.
    expect((await postEvent(genuine)).status).toBe(200);
    expect(await balance()).toBe(before + 1_000);
  });

  it("accepts a header with several v1 signatures when any one matches (a secret being rolled)", async () => {
    const before = await balance();
    const { orderId, sessionId } = await startPurchase();
    const eventId = stripe.completeUndelivered(sessionId);
    const current = stripe.sign(eventId);
    const [t, v1] = current.headers["stripe-signature"]!.split(",");
    const timestamp = Number(t!.slice(2));
    const v1Old = stripe
      .sign(eventId, { timestamp, secret: "whsec_old00000000000000000000000000" })
      .headers["stripe-signature"]!.split(",")[1];
    const response = await postEvent({
      ...current,
      headers: { ...current.headers, "stripe-signature": `${t},${v1Old},${v1}` },
    });
    expect(response.status).toBe(200);
    expect(await storedOrder(orderId)).toMatchObject({ status: "paid" });
    expect(await balance()).toBe(before + 1_000);
  });

  it("waits for the money of a delayed payment, then credits once", async () => {
    const before = await balance();
    const { orderId, sessionId } = await startPurchase();
    const completed = await stripe.complete(sessionId, { paid: false });
    expect(completed.status).toBe(200);
    expect(await storedOrder(orderId)).toMatchObject({ status: "pending", paidAt: null });
    expect(await balance()).toBe(before);

    const succeeded = await stripe.asyncPaymentSucceeds(sessionId);
    expect(succeeded.status).toBe(200);
    await stripe.redeliver(succeeded.eventId);
    await stripe.redeliver(completed.eventId);
    expect(await storedOrder(orderId)).toMatchObject({ status: "paid" });
    expect(await balance()).toBe(before + 1_000);
    expect(await purchaseEntries(orderId)).toBe(1);
  });

  it("closes the order as failed when a delayed payment fails, and as expired when the session expires", async () => {
    const before = await balance();
    const failing = await startPurchase();
    await stripe.complete(failing.sessionId, { paid: false });
    expect((await stripe.asyncPaymentFails(failing.sessionId)).status).toBe(200);
    const failed = await storedOrder(failing.orderId);
    expect(failed.status).toBe("failed");
    expect(failed.failedAt).not.toBeNull();

    const abandoned = await startPurchase();
    const expired = await stripe.expire(abandoned.sessionId);
    expect(expired.status).toBe(200);
    expect(await storedOrder(abandoned.orderId)).toMatchObject({ status: "expired", paidAt: null });
    expect(await eventRecorded(expired.eventId)).toBe(true);
    expect(await balance()).toBe(before);
  });

  it("credits nothing for a session whose amount differs from the order, and tells Stripe to stop", async () => {
    const before = await balance();
    const { orderId, sessionId } = await startPurchase();
    stripe.session(sessionId).amount_total = 100;
    const eventId = stripe.completeUndelivered(sessionId);
    const response = await postEvent(stripe.sign(eventId));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ received: true, outcome: "refused" });
    expect(await eventRecorded(eventId)).toBe(true);
    expect(await storedOrder(orderId)).toMatchObject({ status: "pending", paidAt: null });
    expect(await balance()).toBe(before);
  });

  it("acknowledges an event type it does not act on, and stores nothing", async () => {
    const { orderId, sessionId } = await startPurchase();
    const delivery = await stripe.emit("checkout.session.updated_for_a_future_version", sessionId);
    expect(delivery.status).toBe(200);
    expect(await eventRecorded(delivery.eventId)).toBe(false);
    expect(await storedOrder(orderId)).toMatchObject({ status: "pending" });
  });

  it("answers 502 while Stripe cannot be asked, so Stripe retries, and credits on the retry", async () => {
    const before = await balance();
    const { orderId, sessionId } = await startPurchase();
    stripe.failingReads = 3; // the package's first try and its two retries
    const first = await stripe.complete(sessionId, { paid: true });
    expect(first.status).toBe(502);
    expect(stripe.failingReads).toBe(0);
    expect(await eventRecorded(first.eventId)).toBe(false);
    expect(await balance()).toBe(before);
    expect((await stripe.redeliver(first.eventId)).status).toBe(200);
    expect(await balance()).toBe(before + 1_000);
    expect(await purchaseEntries(orderId)).toBe(1);
  });

  it("answers the expiry sweep from Stripe: a lost webhook's payment is found, an open session is expired first", async () => {
    const provider = services.paymentProviders.stripe!;
    // A buyer of its own: three orders left open would pass the member's limit of open orders.
    const buyer = await createMember(services);
    const lost = await startPurchase("points-1000", buyer);
    stripe.completeUndelivered(lost.sessionId);
    const paid = await provider.lookupPayment(unpaid(lost.orderId, lost.sessionId));
    expect(paid).toEqual({
      status: "paid",
      providerPaymentId: stripe.session(lost.sessionId).payment_intent,
      amount: 1_000,
      currency: "USD",
      receiptUrl: expect.stringMatching(/\/receipts\/payment\//),
    });

    const delayed = await startPurchase("points-1000", buyer);
    stripe.completeUndelivered(delayed.sessionId, { paid: false });
    expect(await provider.lookupPayment(unpaid(delayed.orderId, delayed.sessionId))).toEqual({
      status: "pending",
    });

    const abandoned = await startPurchase("points-1000", buyer);
    expect(await provider.lookupPayment(unpaid(abandoned.orderId, abandoned.sessionId))).toEqual({
      status: "not-paid",
    });
    expect(stripe.session(abandoned.sessionId).status).toBe("expired");
    expect(stripe.received.some((r) => r.path === `/v1/checkout/sessions/${abandoned.sessionId}/expire`)).toBe(true);
    expect(await provider.lookupPayment(unpaid(abandoned.orderId, null))).toEqual({ status: "not-paid" });
  });

  it("leaves an open session open when asked before expiry, while the buyer may still be paying", async () => {
    const provider = services.paymentProviders.stripe!;
    const buyer = await createMember(services);
    const open = await startPurchase("points-1000", buyer);
    expect(await provider.lookupPayment({ ...unpaid(open.orderId, open.sessionId), closing: false })).toEqual({
      status: "pending",
    });
    expect(stripe.session(open.sessionId).status).toBe("open");
    expect(stripe.received.some((r) => r.path === `/v1/checkout/sessions/${open.sessionId}/expire`)).toBe(false);
  });

  it("never tells Stripe who the member is", async () => {
    const account = await services.db.runTransaction(async (tx) => readPointAccount(tx, member.uid));
    expect(account).toBeTruthy();
    const everything = JSON.stringify(stripe.received);
    expect(stripe.received.length).toBeGreaterThan(10);
    for (const value of [member.uid, member.email, "Test Member"]) expect(everything).not.toContain(value);
  });
});

describe("the Stripe stand-in, as strict as Stripe", () => {
  function client(key = stripe.secretKey): Stripe {
    const base = new URL(stripe.baseUrl);
    return new Stripe(key, {
      apiVersion: Stripe.API_VERSION,
      protocol: "http",
      host: base.hostname,
      port: base.port,
      maxNetworkRetries: 0,
    });
  }

  const params = (amount: number): Stripe.Checkout.SessionCreateParams => ({
    mode: "payment",
    line_items: [
      { quantity: 1, price_data: { currency: "usd", unit_amount: amount, product_data: { name: "1,000 points" } } },
    ],
    success_url: "http://localhost:3100/points",
  });

  async function refusal(request: Promise<unknown>): Promise<Stripe.errors.StripeError> {
    try {
      await request;
    } catch (error) {
      if (error instanceof Stripe.errors.StripeError) return error;
      throw error;
    }
    throw new Error("Expected Stripe to refuse.");
  }

  it("replays an idempotent request and refuses its key with other parameters", async () => {
    const first = await client().checkout.sessions.create(params(1_000), { idempotencyKey: "key-1" });
    const again = await client().checkout.sessions.create(params(1_000), { idempotencyKey: "key-1" });
    expect(again.id).toBe(first.id);
    const error = await refusal(client().checkout.sessions.create(params(2_000), { idempotencyKey: "key-1" }));
    expect(error.type).toBe("StripeIdempotencyError");
    expect(error.statusCode).toBe(400);
  });

  it("refuses a wrong key with 401, and missing or unknown parameters in Stripe's error shape", async () => {
    expect((await refusal(client("sk_test_wrong").checkout.sessions.retrieve("cs_test_x"))).statusCode).toBe(401);
    const noMode = await refusal(client().checkout.sessions.create({ ...params(1_000), mode: undefined }));
    expect(noMode).toMatchObject({ statusCode: 400, code: "parameter_missing", param: "mode" });
    const noUrl = await refusal(client().checkout.sessions.create({ ...params(1_000), success_url: undefined }));
    expect(noUrl).toMatchObject({ code: "parameter_missing", param: "success_url" });
    const response = await fetch(`${stripe.baseUrl}/v1/checkout/sessions`, {
      method: "POST",
      headers: { authorization: `Bearer ${stripe.secretKey}`, "content-type": "application/x-www-form-urlencoded" },
      body: "mode=payment&success_url=http%3A%2F%2Fx.test&line_items[0][quantity]=1&line_items[0][price_data][currency]=usd&line_items[0][price_data][unit_amount]=100&line_items[0][price_data][product_data][name]=x&surprise=1",
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      error: {
        type: "invalid_request_error",
        code: "parameter_unknown",
        param: "surprise",
        message: "Received unknown parameter: surprise",
      },
    });
    const missing = await refusal(client().checkout.sessions.retrieve("cs_test_missing"));
    expect(missing).toMatchObject({ statusCode: 404, code: "resource_missing" });
  });
});

const emulatorHost = process.env.FIRESTORE_EMULATOR_HOST;
(emulatorHost ? describe : describe.skip)(`Stripe events on Firestore (emulator at ${emulatorHost ?? "none"})`, () => {
  it("credits once through 50 simultaneous first deliveries, 200 repeats and a new event id for the session", async () => {
    const firestore = createServices({ ...getServerConfig(), DATABASE: "firestore" });
    const buyer = await createMember(firestore);
    const { orderId } = await createOrder({
      services: firestore,
      uid: buyer.uid,
      input: { packageId: "points-1000", provider: "stripe" },
      idempotencyKey: randomUUID(),
    });
    const sessionId = (await firestore.db.get(ORDERS, orderId))!.data.providerCheckoutId!;
    const eventId = stripe.completeUndelivered(sessionId);
    const receive = (delivery: SignedDelivery) =>
      receiveStripeEvent({
        services: firestore,
        headers: new Headers(delivery.headers),
        rawBody: Buffer.from(delivery.body),
      });

    const first = await Promise.allSettled(Array.from({ length: 50 }, () => receive(stripe.sign(eventId))));
    for (const answer of first)
      // Contention is a 503, which Stripe retries: never a second credit.
      if (answer.status === "rejected") expect(isAppError(answer.reason, "CONTENTION")).toBe(true);
    for (let i = 0; i < 200; i++) expect(await receive(stripe.sign(eventId))).toBe("replayed");
    expect(await receive(stripe.sign(stripe.prepare("checkout.session.completed", sessionId)))).toBe("handled");

    const balance = await firestore.db.runTransaction(async (tx) => (await readPointAccount(tx, buyer.uid)).balance);
    expect(balance).toBe(1_000);
    const entries = await firestore.db.query({
      collection: POINT_ENTRIES,
      where: [{ field: "orderId", op: "==", value: orderId }],
    });
    expect(entries).toHaveLength(1);
    expect((await firestore.db.get(ORDERS, orderId))!.data.status).toBe("paid");
  }, 120_000);
});
