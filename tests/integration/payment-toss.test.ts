/**
 * Buying points through Toss Payments, through the app's route handlers and a stand-in
 * that speaks Toss's core API (Basic auth with the secret key, confirm, read back,
 * Idempotency-Key) and posts its webhooks. The stand-in's `authenticate()` plays the
 * buyer's part in the widget, which hands the browser a paymentKey.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as getOrderRoute } from "../../app/api/orders/[id]/route";
import { POST as postOrder } from "../../app/api/orders/route";
import { POST as postConfirm } from "../../app/api/payments/toss/confirm/route";
import { POST as postFail } from "../../app/api/payments/toss/fail/route";
import { POST as postTossWebhook } from "../../app/api/webhooks/toss/route";
import { ORDERS, type Order } from "../../lib/orders/order";
import { POINT_ENTRIES } from "../../lib/points/ledger";
import { verifyLedger } from "../../lib/points/verify-ledger";
import { getServices, type Services } from "../../lib/services";
import type { TestUser } from "../support/firebase-users";
import { call, readError } from "../support/http";
import { createMember } from "../support/members";
import { TossStandIn, type TossMethod } from "../support/stand-ins/toss-stand-in";
import { describePaymentProviderContract } from "./contracts/payment-provider-contract";

function postWebhook(body: string): Promise<Response> {
  return call(postTossWebhook, { method: "POST", path: "/api/webhooks/toss", rawBody: body, origin: null });
}

const toss = new TossStandIn({ deliver: ({ body }) => postWebhook(body) });
let services: Services;
let buyer: TestUser;
let other: TestUser;

beforeAll(async () => {
  await toss.start();
  // Before any service exists: the routes build theirs from this environment.
  Object.assign(process.env, {
    PAYMENT_PROVIDERS: "sandbox,toss",
    TOSS_CLIENT_KEY: toss.clientKey,
    TOSS_SECRET_KEY: toss.secretKey,
    TOSS_API_BASE_URL: toss.baseUrl,
    TOSS_TIMEOUT_MS: "400",
  });
  services = getServices();
  buyer = await createMember(services);
  other = await createMember(services);
});

afterAll(async () => {
  await toss.close();
});

describePaymentProviderContract("TossPaymentProvider", {
  open: async () => {
    const provider = getServices().paymentProviders.toss;
    if (!provider) throw new Error("Toss is not configured.");
    return provider;
  },
  secrets: [toss.secretKey],
});

async function newOrder(user: TestUser = buyer): Promise<{ orderId: string; checkoutUrl: string; amount: number }> {
  const response = await call(postOrder, {
    method: "POST",
    path: "/api/orders",
    body: { packageId: "points-1000", provider: "toss" },
    token: user.idToken,
    headers: { "idempotency-key": randomUUID() },
  });
  expect(response.status).toBe(201);
  const body = (await response.json()) as { orderId: string; checkoutUrl: string };
  return { ...body, amount: (await stored(body.orderId)).amount };
}

/** A new order, for which the buyer authenticated in Toss's widget: what the success redirect carries. */
async function authenticatedOrder(method: TossMethod = "card", user: TestUser = buyer) {
  const order = await newOrder(user);
  const paymentKey = toss.authenticate({ orderId: order.orderId, amount: order.amount, method });
  return { ...order, paymentKey };
}

function confirm(user: TestUser, body: unknown): Promise<Response> {
  return call(postConfirm, { method: "POST", path: "/api/payments/toss/confirm", body, token: user.idToken });
}

async function stored(orderId: string): Promise<Order> {
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

function confirmsFor(orderId: string) {
  return toss.confirms().filter((request) => request.body.includes(orderId));
}

describe("a card purchase", () => {
  it("checks out on our own widget page and, confirmed at Toss, credits once with the receipt link", async () => {
    const { orderId, checkoutUrl, amount, paymentKey } = await authenticatedOrder();
    expect(checkoutUrl).toBe(`http://localhost:3100/ko/checkout/toss/${orderId}`);

    const response = await confirm(buyer, { paymentKey, orderId, amount });
    expect(response.status).toBe(200);
    const view = (await response.json()) as { status: string; receiptUrl: string | null };
    expect(view.status).toBe("paid");
    expect(view.receiptUrl).toMatch(/^https:\/\/dashboard\.tosspayments\.com\/receipt\//);
    expect(await stored(orderId)).toMatchObject({ status: "paid", providerPaymentId: paymentKey });
    expect(await purchaseEntries(orderId)).toBe(1);

    const [sent] = confirmsFor(orderId);
    expect(sent?.headers.authorization).toBe(`Basic ${Buffer.from(`${toss.secretKey}:`).toString("base64")}`);
    expect(sent?.headers["idempotency-key"]).toMatch(/^confirm-[0-9a-f]{64}$/);
    expect(JSON.parse(sent!.body)).toEqual({ paymentKey, orderId, amount });

    // The success page loaded again: the same answer, nothing more at Toss or in the ledger.
    const again = await confirm(buyer, { paymentKey, orderId, amount });
    expect(again.status).toBe(200);
    expect(confirmsFor(orderId)).toHaveLength(1);
    expect(await purchaseEntries(orderId)).toBe(1);

    const shown = await call(getOrderRoute, {
      path: `/api/orders/${orderId}`,
      params: { id: orderId },
      token: buyer.idToken,
    });
    expect(((await shown.json()) as { receiptUrl: string }).receiptUrl).toBe(view.receiptUrl);
  });

  it("never sends Toss a tampered amount: 422, nothing confirmed, the order still pending", async () => {
    const { orderId, amount, paymentKey } = await authenticatedOrder();
    const response = await confirm(buyer, { paymentKey, orderId, amount: 100 });
    expect(response.status).toBe(422);
    expect((await readError(response)).code).toBe("VALIDATION_FAILED");
    expect(confirmsFor(orderId)).toHaveLength(0);
    expect(await stored(orderId)).toMatchObject({ status: "pending", providerPaymentId: null });
    expect(amount).not.toBe(100);
  });

  it("never confirms another member's order: 404, nothing sent to Toss", async () => {
    const { orderId, amount, paymentKey } = await authenticatedOrder("card", other);
    const response = await confirm(buyer, { paymentKey, orderId, amount });
    expect(response.status).toBe(404);
    expect(confirmsFor(orderId)).toHaveLength(0);
    expect((await stored(orderId)).status).toBe("pending");
  });

  it("retries a confirm whose answer timed out with the same Idempotency-Key, and credits once", async () => {
    const { orderId, amount, paymentKey } = await authenticatedOrder();
    toss.delayNextConfirmAnswer(1_500);
    const response = await confirm(buyer, { paymentKey, orderId, amount });
    expect(response.status).toBe(200);
    const sent = confirmsFor(orderId);
    expect(sent).toHaveLength(2);
    expect(sent[1]?.headers["idempotency-key"]).toBe(sent[0]?.headers["idempotency-key"]);
    expect((await stored(orderId)).status).toBe("paid");
    expect(await purchaseEntries(orderId)).toBe(1);
  });

  it("two confirms at once (a double click) credit once", async () => {
    const { orderId, amount, paymentKey } = await authenticatedOrder();
    const answers = await Promise.all([1, 2, 3].map(() => confirm(buyer, { paymentKey, orderId, amount })));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
    expect(await purchaseEntries(orderId)).toBe(1);
  });

  it("on ALREADY_PROCESSED_PAYMENT reads the payment back and takes it only if DONE", async () => {
    // A confirm from an earlier attempt whose answer never arrived, made without our key.
    const done = await authenticatedOrder();
    await confirmDirectlyAtToss(done);
    const response = await confirm(buyer, { paymentKey: done.paymentKey, orderId: done.orderId, amount: done.amount });
    expect(response.status).toBe(200);
    expect(toss.received.some((r) => r.method === "GET" && r.path === `/v1/payments/${done.paymentKey}`)).toBe(true);
    expect((await stored(done.orderId)).status).toBe("paid");
    expect(await purchaseEntries(done.orderId)).toBe(1);

    const canceled = await authenticatedOrder();
    await confirmDirectlyAtToss(canceled);
    toss.setStatus(canceled.paymentKey, "CANCELED");
    const refused = await confirm(buyer, {
      paymentKey: canceled.paymentKey,
      orderId: canceled.orderId,
      amount: canceled.amount,
    });
    // Toss answered, and a retry would get the same answer: 422, not a 502 to try again.
    expect(refused.status).toBe(422);
    expect((await readError(refused)).code).toBe("PROVIDER_REFUSED");
    expect((await stored(canceled.orderId)).status).toBe("pending");
    expect(await purchaseEntries(canceled.orderId)).toBe(0);
  });
});

async function confirmDirectlyAtToss(order: { paymentKey: string; orderId: string; amount: number }): Promise<void> {
  const answer = await fetch(`${toss.baseUrl}/v1/payments/confirm`, {
    method: "POST",
    headers: {
      authorization: `Basic ${Buffer.from(`${toss.secretKey}:`).toString("base64")}`,
      "content-type": "application/json",
    },
    body: JSON.stringify({ paymentKey: order.paymentKey, orderId: order.orderId, amount: order.amount }),
  });
  expect(answer.status).toBe(200);
}

describe("the stand-in is as strict as Toss", () => {
  it("refuses another key with Toss's UNAUTHORIZED_KEY, and a wrong path with NOT_FOUND", async () => {
    const wrongKey = await fetch(`${toss.baseUrl}/v1/payments/confirm`, {
      method: "POST",
      headers: { authorization: `Basic ${Buffer.from("test_sk_other:").toString("base64")}` },
      body: "{}",
    });
    expect(wrongKey.status).toBe(401);
    expect(await wrongKey.json()).toMatchObject({ code: "UNAUTHORIZED_KEY" });
    const wrongPath = await fetch(`${toss.baseUrl}/v1/payment/confirm`, {
      method: "POST",
      headers: { authorization: `Basic ${Buffer.from(`${toss.secretKey}:`).toString("base64")}` },
    });
    expect(wrongPath.status).toBe(404);
    expect(await wrongPath.json()).toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("a virtual account (가상계좌)", () => {
  it("waits for the deposit, then credits once on the deposit callback with the right secret", async () => {
    const { orderId, amount, paymentKey } = await authenticatedOrder("virtual-account");
    const response = await confirm(buyer, { paymentKey, orderId, amount });
    expect(response.status).toBe(200);
    expect(((await response.json()) as { status: string }).status).toBe("waiting_for_deposit");
    const waiting = await stored(orderId);
    expect(waiting).toMatchObject({ status: "waiting_for_deposit", providerPaymentId: paymentKey });
    expect(waiting.tossDepositSecretHash).toMatch(/^[0-9a-f]{64}$/);
    expect(Date.parse(waiting.expiresAt)).toBeGreaterThan(Date.now() + 2 * 86_400_000);
    expect(await purchaseEntries(orderId)).toBe(0);

    // A deposit callback with another secret: refused, nothing changes.
    const [depositBody] = toss.depositEvents(paymentKey);
    const forged = JSON.stringify({ ...JSON.parse(depositBody!), secret: "ps_forged", status: "DONE" });
    expect((await postWebhook(forged)).status).toBe(401);
    expect((await stored(orderId)).status).toBe("waiting_for_deposit");

    await toss.deposit(paymentKey);
    expect(toss.deliveries.slice(-2).map((d) => d.status)).toEqual([200, 200]);
    expect((await stored(orderId)).status).toBe("paid");
    expect(await purchaseEntries(orderId)).toBe(1);

    // Toss's retries of both events, sequential and 50 at once, credit nothing more.
    const events = toss.depositEvents(paymentKey);
    for (let i = 0; i < 20; i++) expect(await postWebhook(events[i % 2]!)).toHaveProperty("status", 200);
    const parallel = await Promise.all(Array.from({ length: 50 }, (_, i) => postWebhook(events[i % 2]!)));
    expect(parallel.every((answer) => answer.status === 200)).toBe(true);
    expect(await purchaseEntries(orderId)).toBe(1);
  });

  it("50 first deliveries of the deposit at once credit once", async () => {
    const { orderId, amount, paymentKey } = await authenticatedOrder("virtual-account");
    expect((await confirm(buyer, { paymentKey, orderId, amount })).status).toBe(200);
    toss.setStatus(paymentKey, "DONE");
    const events = toss.depositEvents(paymentKey);
    const answers = await Promise.all(Array.from({ length: 50 }, (_, i) => postWebhook(events[i % 2]!)));
    expect(answers.map((a) => a.status).filter((s) => s !== 200)).toEqual([]);
    expect((await stored(orderId)).status).toBe("paid");
    expect(await purchaseEntries(orderId)).toBe(1);
  });
});

describe("PAYMENT_STATUS_CHANGED is only a hint", () => {
  it("changes nothing when the payment, read back from Toss, says otherwise", async () => {
    const { orderId, paymentKey } = await authenticatedOrder();
    const lie = toss.statusChangedEvent(paymentKey, { status: "DONE" });
    expect((await postWebhook(lie)).status).toBe(200);
    expect((await stored(orderId)).status).toBe("pending");
    expect(await purchaseEntries(orderId)).toBe(0);

    // A body naming our order but another payment (one Toss holds for another order).
    const elsewhere = await authenticatedOrder();
    const crossed = toss.statusChangedEvent(elsewhere.paymentKey, { orderId, status: "DONE" });
    toss.setStatus(elsewhere.paymentKey, "DONE");
    expect((await postWebhook(crossed)).status).toBe(200);
    expect((await stored(orderId)).status).toBe("pending");
  });

  it("credits a card payment confirmed at Toss when its webhook arrives first, once", async () => {
    const order = await authenticatedOrder();
    await confirmDirectlyAtToss(order);
    const event = toss.statusChangedEvent(order.paymentKey);
    const answers = await Promise.all(Array.from({ length: 10 }, () => postWebhook(event)));
    expect(answers.every((a) => a.status === 200)).toBe(true);
    expect((await stored(order.orderId)).status).toBe("paid");
    expect(await purchaseEntries(order.orderId)).toBe(1);
  });

  it("answers 200 to events the product does not use and to unknown orders; 400 to a body that is not JSON", async () => {
    expect((await postWebhook(JSON.stringify({ eventType: "PAYOUT_STATUS_CHANGED", data: {} }))).status).toBe(200);
    const unknown = JSON.stringify({
      eventType: "PAYMENT_STATUS_CHANGED",
      data: { paymentKey: "tgen_nothing", orderId: "00000000-0000-4000-8000-000000000000", status: "DONE" },
    });
    expect((await postWebhook(unknown)).status).toBe(200);
    expect((await postWebhook("{not json")).status).toBe(400);
  });

  it("closes an unpaid order that Toss reports expired", async () => {
    const { orderId, paymentKey } = await authenticatedOrder("virtual-account");
    toss.setStatus(paymentKey, "EXPIRED");
    expect((await postWebhook(toss.statusChangedEvent(paymentKey))).status).toBe(200);
    expect((await stored(orderId)).status).toBe("expired");
  });
});

describe("the fail redirect", () => {
  function fail(user: TestUser, body: unknown): Promise<Response> {
    return call(postFail, { method: "POST", path: "/api/payments/toss/fail", body, token: user.idToken });
  }

  it("closes the owner's pending order as failed, and only that", async () => {
    const { orderId } = await newOrder();
    expect((await fail(other, { orderId, code: "PAY_PROCESS_CANCELED" })).status).toBe(404);
    expect((await stored(orderId)).status).toBe("pending");
    const response = await fail(buyer, {
      orderId,
      code: "PAY_PROCESS_CANCELED",
      message: "사용자에 의해 결제가 취소되었습니다.",
    });
    expect(response.status).toBe(200);
    const order = await stored(orderId);
    expect(order.status).toBe("failed");
    expect(order.failedAt).not.toBeNull();
  });

  it("cannot fail an order Toss has already confirmed", async () => {
    const { orderId, amount, paymentKey } = await authenticatedOrder();
    expect((await confirm(buyer, { paymentKey, orderId, amount })).status).toBe(200);
    const response = await fail(buyer, { orderId, code: "PAY_PROCESS_ABORTED" });
    expect(response.status).toBe(409);
    expect((await stored(orderId)).status).toBe("paid");
  });
});

describe("what Toss learns", () => {
  it("never receives the member's uid, email or name, and the ledger is exact", async () => {
    const everything = toss.received.map((r) => `${r.path} ${JSON.stringify(r.headers)} ${r.body}`).join("\n");
    expect(toss.received.length).toBeGreaterThan(10);
    for (const member of [buyer, other]) {
      expect(everything).not.toContain(member.uid);
      expect(everything).not.toContain(member.email);
    }
    expect(everything).not.toContain("Test Member");
    expect((await verifyLedger({ db: services.db })).problems).toEqual([]);
  });
});
