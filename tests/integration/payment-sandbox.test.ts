import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { POST as createOrderRoute } from "../../app/api/orders/route";
import { GET as getOrderRoute } from "../../app/api/orders/[id]/route";
import { POST as cancelRoute } from "../../app/api/payments/sandbox/[orderId]/cancel/route";
import { POST as completeRoute } from "../../app/api/payments/sandbox/[orderId]/complete/route";
import { GET as pointsRoute } from "../../app/api/points/route";
import { getServerConfig } from "../../lib/config/env";
import { AppError } from "../../lib/errors/app-error";
import { errorResponse } from "../../lib/http/responses";
import { confirmPayment } from "../../lib/orders/confirm-payment";
import { createOrder } from "../../lib/orders/create-order";
import { ORDERS, type Order } from "../../lib/orders/order";
import { cancelSandboxPayment } from "../../lib/payments/cancel-sandbox-payment";
import { completeSandboxPayment } from "../../lib/payments/complete-sandbox-payment";
import { SandboxPaymentProvider } from "../../lib/payments/sandbox-payment-provider";
import { POINT_ENTRIES } from "../../lib/points/ledger";
import { verifyLedger } from "../../lib/points/verify-ledger";
import { createServices, getServices } from "../../lib/services";
import type { TestUser } from "../support/firebase-users";
import { call, readError } from "../support/http";
import { createMember } from "../support/members";
import { describePaymentProviderContract } from "./contracts/payment-provider-contract";

const services = getServices();

describePaymentProviderContract("SandboxPaymentProvider", {
  open: async () => new SandboxPaymentProvider("http://localhost:3100"),
  secrets: [getServerConfig().FIREBASE_WEB_API_KEY],
});

async function startOrder(
  user: TestUser,
  body: unknown = { packageId: "points-5000", provider: "sandbox" },
): Promise<Response> {
  return call(createOrderRoute, {
    method: "POST",
    path: "/api/orders",
    body,
    token: user.idToken,
    headers: { "Idempotency-Key": randomUUID() },
  });
}

async function newOrderId(user: TestUser, packageId = "points-5000"): Promise<string> {
  const response = await startOrder(user, { packageId, provider: "sandbox" });
  expect(response.status).toBe(201);
  return ((await response.json()) as { orderId: string }).orderId;
}

function complete(user: TestUser, orderId: string): Promise<Response> {
  return call(completeRoute, {
    method: "POST",
    path: `/api/payments/sandbox/${orderId}/complete`,
    params: { orderId },
    token: user.idToken,
  });
}

function cancel(user: TestUser, orderId: string): Promise<Response> {
  return call(cancelRoute, {
    method: "POST",
    path: `/api/payments/sandbox/${orderId}/cancel`,
    params: { orderId },
    token: user.idToken,
  });
}

async function balance(user: TestUser): Promise<number> {
  const response = await call(pointsRoute, { path: "/api/points", token: user.idToken });
  expect(response.status).toBe(200);
  return ((await response.json()) as { balance: number }).balance;
}

async function purchaseEntries(orderId: string): Promise<number> {
  const entries = await services.db.query({
    collection: POINT_ENTRIES,
    where: [{ field: "orderId", op: "==", value: orderId }],
  });
  return entries.length;
}

async function storedOrder(orderId: string): Promise<Order> {
  const doc = await services.db.get(ORDERS, orderId);
  if (!doc) throw new Error(`Order ${orderId} is not stored.`);
  return doc.data;
}

async function appErrorOf(action: Promise<unknown>): Promise<AppError> {
  const error = await action.then(
    () => {
      throw new Error("Expected the call to fail, but it succeeded.");
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe("SandboxPaymentProvider", () => {
  it("sends the buyer to the app's own sandbox checkout page for the order", async () => {
    const { checkoutUrl } = await new SandboxPaymentProvider("https://images.example.com").startCheckout({
      orderId: "order 1/2",
      amount: 15_000,
      currency: "KRW",
      description: "1,000 points",
    });
    expect(checkoutUrl).toBe("https://images.example.com/checkout/sandbox/order%201%2F2");
  });
});

describe("buying points through the sandbox, route by route", () => {
  let buyer: TestUser;
  let other: TestUser;

  beforeAll(async () => {
    buyer = await createMember(services);
    other = await createMember(services);
  });

  it("stores the order at the price table's amount, ignoring any amount or points in the body", async () => {
    const response = await startOrder(buyer, {
      packageId: "points-5000",
      provider: "sandbox",
      amount: 1,
      points: 999_999,
      currency: "USD",
      uid: other.uid,
    });
    expect(response.status).toBe(201);
    const body = (await response.json()) as { orderId: string; checkoutUrl: string };
    expect(Object.keys(body).sort()).toEqual(["checkoutUrl", "orderId"]);
    expect(body.checkoutUrl).toBe(`http://localhost:3100/checkout/sandbox/${body.orderId}`);
    expect(await storedOrder(body.orderId)).toMatchObject({
      uid: buyer.uid,
      packageId: "points-5000",
      provider: "sandbox",
      amount: 75_000,
      currency: "KRW",
      points: 5_250,
      status: "pending",
      providerPaymentId: null,
      paidAt: null,
    });
    expect(await balance(buyer)).toBe(0);
  });

  it("credits the package once when the owner pays, however often the payment is repeated", async () => {
    const orderId = await newOrderId(buyer);
    const before = await balance(buyer);

    const paid = await complete(buyer, orderId);
    expect(paid.status).toBe(200);
    expect(await paid.json()).toMatchObject({
      orderId,
      status: "paid",
      points: 5_250,
      amount: 75_000,
      currency: "KRW",
    });
    expect(await balance(buyer)).toBe(before + 5_250);

    const again = await complete(buyer, orderId);
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ orderId, status: "paid" });
    expect(await balance(buyer)).toBe(before + 5_250);
    expect(await purchaseEntries(orderId)).toBe(1);

    const view = await call(getOrderRoute, {
      path: `/api/orders/${orderId}`,
      params: { id: orderId },
      token: buyer.idToken,
    });
    expect(await view.json()).toMatchObject({
      status: "paid",
      paidAt: expect.any(String),
      expiresAt: expect.any(String),
      receiptUrl: `http://localhost:3100/checkout/sandbox/${orderId}`,
    });
    expect((await storedOrder(orderId)).providerPaymentId).toBe(`sandbox_${orderId}`);
  });

  it("credits exactly once under 20 concurrent completions of a fresh order", async () => {
    const member = await createMember(services);
    const orderId = await newOrderId(member);
    const responses = await Promise.all(Array.from({ length: 20 }, () => complete(member, orderId)));
    expect(responses.map((r) => r.status)).toEqual(Array.from({ length: 20 }, () => 200));
    for (const response of responses) expect(((await response.json()) as { status: string }).status).toBe("paid");
    expect(await balance(member)).toBe(5_250);
    expect(await purchaseEntries(orderId)).toBe(1);
  });

  it("answers 404 to another member completing, cancelling or viewing your order, and credits nothing", async () => {
    const orderId = await newOrderId(buyer);
    const before = [await balance(buyer), await balance(other)];
    for (const response of [
      await complete(other, orderId),
      await cancel(other, orderId),
      await call(getOrderRoute, { path: `/api/orders/${orderId}`, params: { id: orderId }, token: other.idToken }),
    ]) {
      expect(response.status).toBe(404);
      expect((await readError(response)).code).toBe("NOT_FOUND");
    }
    expect([await balance(buyer), await balance(other)]).toEqual(before);
    expect((await storedOrder(orderId)).status).toBe("pending");
  });

  it("answers 404 for an order that does not exist", async () => {
    const response = await complete(buyer, "00000000-0000-4000-8000-000000000000");
    expect(response.status).toBe(404);
  });

  it("refuses to cancel a paid order with 409 INVALID_STATE, and keeps it paid", async () => {
    const orderId = await newOrderId(buyer);
    expect((await complete(buyer, orderId)).status).toBe(200);
    const before = await balance(buyer);
    const response = await cancel(buyer, orderId);
    expect(response.status).toBe(409);
    expect((await readError(response)).code).toBe("INVALID_STATE");
    expect((await storedOrder(orderId)).status).toBe("paid");
    expect(await balance(buyer)).toBe(before);
  });

  it("cancels a pending order, after which paying it is refused with 409 and credits nothing", async () => {
    const orderId = await newOrderId(buyer);
    const before = await balance(buyer);
    const canceled = await cancel(buyer, orderId);
    expect(canceled.status).toBe(200);
    expect(await canceled.json()).toMatchObject({ orderId, status: "canceled" });
    expect((await cancel(buyer, orderId)).status).toBe(200);

    const response = await complete(buyer, orderId);
    expect(response.status).toBe(409);
    expect((await readError(response)).code).toBe("INVALID_STATE");
    expect(await balance(buyer)).toBe(before);
    expect(await purchaseEntries(orderId)).toBe(0);
    expect(await storedOrder(orderId)).toMatchObject({
      status: "canceled",
      paidAt: null,
      providerPaymentId: null,
      canceledAt: expect.any(String),
    });
  });

  it.each([
    ["an unknown package", { packageId: "points-999", provider: "sandbox" }, "packageId"],
    ["an unknown provider", { packageId: "points-1000", provider: "paypal" }, "provider"],
    ["a missing package", { provider: "sandbox" }, "packageId"],
    ["a missing provider", { packageId: "points-1000" }, "provider"],
    ["a package id that is not a string", { packageId: 1000, provider: "sandbox" }, "packageId"],
  ])("answers %s with 422 naming the field, and stores no order", async (_what, body, field) => {
    const before = (
      await services.db.query({ collection: ORDERS, where: [{ field: "uid", op: "==", value: buyer.uid }] })
    ).length;
    const response = await startOrder(buyer, body);
    expect(response.status).toBe(422);
    const error = await readError(response);
    expect(error.code).toBe("VALIDATION_FAILED");
    expect(error.details?.fields).toHaveProperty(field);
    expect(
      (await services.db.query({ collection: ORDERS, where: [{ field: "uid", op: "==", value: buyer.uid }] })).length,
    ).toBe(before);
  });

  it("answers malformed JSON with 400 MALFORMED_JSON", async () => {
    const response = await call(createOrderRoute, {
      method: "POST",
      path: "/api/orders",
      rawBody: '{"packageId": "points-1000",',
      token: buyer.idToken,
      headers: { "Idempotency-Key": randomUUID() },
    });
    expect(response.status).toBe(400);
    expect((await readError(response)).code).toBe("MALFORMED_JSON");
  });

  it("answers a request without a token with 401", async () => {
    const response = await call(createOrderRoute, {
      method: "POST",
      path: "/api/orders",
      body: { packageId: "points-1000", provider: "sandbox" },
    });
    expect(response.status).toBe(401);
    expect((await readError(response)).code).toBe("UNAUTHENTICATED");
  });
});

describe("confirmPayment, the one path from payment to points", () => {
  let member: TestUser;

  beforeAll(async () => {
    member = await createMember(services);
  });

  it.each([
    ["a wrong amount", { amount: 1, currency: "KRW" as const }],
    ["a wrong currency", { amount: 15_000, currency: "USD" as const }],
    ["the USD amount in KRW", { amount: 1_000, currency: "KRW" as const }],
  ])("refuses %s and credits nothing", async (_what, paid) => {
    const { orderId } = await createOrder({
      services,
      uid: member.uid,
      input: { packageId: "points-1000", provider: "sandbox" },
      idempotencyKey: randomUUID(),
    });
    const error = await appErrorOf(
      confirmPayment({ services, orderId, provider: "sandbox", providerPaymentId: `pay_${orderId}`, ...paid }),
    );
    expect(error.code).toBe("VALIDATION_FAILED");
    expect(await storedOrder(orderId)).toMatchObject({ status: "pending", providerPaymentId: null });
    expect(await purchaseEntries(orderId)).toBe(0);
    expect(await balance(member)).toBe(0);
  });

  it("refuses a second, different payment of a paid order", async () => {
    const { orderId } = await createOrder({
      services,
      uid: member.uid,
      input: { packageId: "points-1000", provider: "sandbox" },
      idempotencyKey: randomUUID(),
    });
    await confirmPayment({
      services,
      orderId,
      provider: "sandbox",
      providerPaymentId: "pay_first",
      amount: 15_000,
      currency: "KRW",
    });
    const error = await appErrorOf(
      confirmPayment({
        services,
        orderId,
        provider: "sandbox",
        providerPaymentId: "pay_second",
        amount: 15_000,
        currency: "KRW",
      }),
    );
    expect(error.code).toBe("INVALID_STATE");
    expect(await purchaseEntries(orderId)).toBe(1);
    expect((await storedOrder(orderId)).providerPaymentId).toBe("pay_first");
  });

  it("answers NOT_FOUND for an order that does not exist", async () => {
    const error = await appErrorOf(
      confirmPayment({
        services,
        orderId: "00000000-0000-4000-8000-000000000000",
        provider: "sandbox",
        providerPaymentId: "x",
        amount: 15_000,
        currency: "KRW",
      }),
    );
    expect(error.code).toBe("NOT_FOUND");
  });
});

describe("with the sandbox switched off", () => {
  it("refuses to complete a sandbox order with FEATURE_DISABLED, answered as 404, and credits nothing", async () => {
    const member = await createMember(services);
    const { orderId } = await createOrder({
      services,
      uid: member.uid,
      input: { packageId: "points-1000", provider: "sandbox" },
      idempotencyKey: randomUUID(),
    });
    const withoutSandbox = createServices(getServerConfig(), { db: services.db, paymentProviders: {} });
    const error = await appErrorOf(completeSandboxPayment({ services: withoutSandbox, uid: member.uid, orderId }));
    expect(error.code).toBe("FEATURE_DISABLED");
    const response = errorResponse(error, "en");
    expect(response.status).toBe(404);
    expect((await readError(response)).code).toBe("FEATURE_DISABLED");
    expect((await storedOrder(orderId)).status).toBe("pending");
    expect(await purchaseEntries(orderId)).toBe(0);
    const cancel = await appErrorOf(cancelSandboxPayment({ services: withoutSandbox, uid: member.uid, orderId }));
    expect(cancel.code).toBe("FEATURE_DISABLED");
    expect((await storedOrder(orderId)).status).toBe("pending");
  });

  it("offers no provider to order with", async () => {
    const member = await createMember(services);
    const withoutSandbox = createServices(getServerConfig(), { db: services.db, paymentProviders: {} });
    const error = await appErrorOf(
      createOrder({
        services: withoutSandbox,
        uid: member.uid,
        input: { packageId: "points-1000", provider: "sandbox" },
        idempotencyKey: randomUUID(),
      }),
    );
    expect(error.code).toBe("VALIDATION_FAILED");
    expect(error.details).toEqual({ availableProviders: [] });
    expect(error.fields).toEqual({ provider: "validation.providerUnavailable" });
  });
});

describe("the ledger after all of the above", () => {
  it("verifies: every balance is the sum of its entries, none negative", async () => {
    const { accounts, problems } = await verifyLedger({ db: services.db });
    expect(problems).toEqual([]);
    expect(accounts).toBeGreaterThanOrEqual(3);
  });
});
