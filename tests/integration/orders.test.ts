/**
 * Orders around the payment: one order per click however often it is sent, a cap on
 * unpaid orders and on orders per hour, and the expiry sweep, which asks the provider
 * before it closes an order. The services run on a ManualClock so windows pass at once.
 */
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { POST as createOrderRoute } from "../../app/api/orders/route";
import { GET as getOrderRoute } from "../../app/api/orders/[id]/route";
import { ManualClock } from "../../lib/clock/clock";
import { getServerConfig } from "../../lib/config/env";
import type { AppError } from "../../lib/errors/app-error";
import { RATE_LIMITS } from "../../lib/abuse/rate-limit";
import { confirmPayment } from "../../lib/orders/confirm-payment";
import { createOrder, MAX_OPEN_ORDERS, ORDERS_PER_MEMBER } from "../../lib/orders/create-order";
import { expireOrders } from "../../lib/orders/expire-orders";
import { CHECKOUT_WINDOW_MINUTES, ORDERS, type Order } from "../../lib/orders/order";
import { cancelSandboxPayment } from "../../lib/payments/cancel-sandbox-payment";
import { completeSandboxPayment } from "../../lib/payments/complete-sandbox-payment";
import { SandboxPaymentProvider } from "../../lib/payments/sandbox-payment-provider";
import { POINT_ENTRIES, readPointAccount } from "../../lib/points/ledger";
import { createServices, getServices, type Services } from "../../lib/services";
import type { TestUser } from "../support/firebase-users";
import { call, readError } from "../support/http";
import { createMember } from "../support/members";

const clock = new ManualClock(new Date());
const sandbox = new SandboxPaymentProvider("http://localhost:3100");
const services: Services = createServices(getServerConfig(), {
  db: getServices().db,
  clock,
  paymentProviders: { sandbox },
});
const MINUTE = 60_000;

function order(user: TestUser, key: string, body: unknown = { packageId: "points-1000", provider: "sandbox" }) {
  return call(createOrderRoute, {
    method: "POST",
    path: "/api/orders",
    body,
    token: user.idToken,
    headers: { "Idempotency-Key": key },
  });
}

/** Through the use case, on this file's clock (the route handlers run on the shared services' real clock). */
async function newOrder(user: TestUser): Promise<string> {
  const { orderId } = await createOrder({
    services,
    uid: user.uid,
    input: { packageId: "points-1000", provider: "sandbox" },
    idempotencyKey: randomUUID(),
  });
  return orderId;
}

async function ordersOf(uid: string): Promise<Order[]> {
  const docs = await services.db.query({ collection: ORDERS, where: [{ field: "uid", op: "==", value: uid }] });
  return docs.map((doc) => doc.data);
}

async function stored(orderId: string): Promise<Order> {
  const doc = await services.db.get(ORDERS, orderId);
  if (!doc) throw new Error(`Order ${orderId} is not stored.`);
  return doc.data;
}

async function balanceOf(uid: string): Promise<number> {
  return services.db.runTransaction(async (tx) => (await readPointAccount(tx, uid)).balance);
}

describe("POST /api/orders", () => {
  let member: TestUser;
  beforeAll(async () => {
    member = await createMember(services);
  });

  it("refuses a request without an Idempotency-Key and stores nothing", async () => {
    const before = (await ordersOf(member.uid)).length;
    const response = await call(createOrderRoute, {
      method: "POST",
      path: "/api/orders",
      body: { packageId: "points-1000", provider: "sandbox" },
      token: member.idToken,
    });
    expect(response.status).toBe(400);
    expect((await readError(response)).code).toBe("IDEMPOTENCY_KEY_REQUIRED");
    expect((await ordersOf(member.uid)).length).toBe(before);
  });

  it("makes one order for a double click, and answers both clicks alike", async () => {
    const buyer = await createMember(services);
    const key = randomUUID();
    const responses = await Promise.all([order(buyer, key), order(buyer, key), order(buyer, key)]);
    expect(responses.map((r) => r.status)).toEqual([201, 201, 201]);
    const bodies = await Promise.all(responses.map((r) => r.json()));
    expect(bodies[1]).toEqual(bodies[0]);
    expect(bodies[2]).toEqual(bodies[0]);
    expect(await ordersOf(buyer.uid)).toHaveLength(1);
    expect(responses[0]?.headers.get("location")).toBe(`/api/orders/${(bodies[0] as { orderId: string }).orderId}`);
  });

  it("refuses the same key for another package with 409, and stores nothing", async () => {
    const buyer = await createMember(services);
    const key = randomUUID();
    expect((await order(buyer, key)).status).toBe(201);
    const reused = await order(buyer, key, { packageId: "points-5000", provider: "sandbox" });
    expect(reused.status).toBe(409);
    expect((await readError(reused)).code).toBe("IDEMPOTENCY_KEY_REUSED");
    expect(await ordersOf(buyer.uid)).toHaveLength(1);
  });

  it(`keeps at most ${MAX_OPEN_ORDERS} unpaid orders open, even when 30 are asked for at once`, async () => {
    const buyer = await createMember(services);
    const responses = await Promise.all(Array.from({ length: 30 }, () => order(buyer, randomUUID())));
    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(MAX_OPEN_ORDERS);
    expect(statuses.filter((s) => s === 429)).toHaveLength(30 - MAX_OPEN_ORDERS);
    const refused = responses.find((r) => r.status === 429);
    const error = await readError(refused as Response);
    expect(error.code).toBe("RATE_LIMITED");
    expect(error.message).toContain(`${MAX_OPEN_ORDERS}`);
    expect(error.details?.retryAfterSeconds).toBe(CHECKOUT_WINDOW_MINUTES * 60);
    expect(await ordersOf(buyer.uid)).toHaveLength(MAX_OPEN_ORDERS);
  });

  it("answers the refusal in the member's language", async () => {
    const buyer = await createMember(services);
    for (let i = 0; i < MAX_OPEN_ORDERS; i++) await newOrder(buyer);
    const response = await call(createOrderRoute, {
      method: "POST",
      path: "/api/orders",
      body: { packageId: "points-1000", provider: "sandbox" },
      token: buyer.idToken,
      headers: { "Idempotency-Key": randomUUID(), "accept-language": "ko" },
    });
    expect(response.status).toBe(429);
    expect((await readError(response)).message).toMatch(/결제를 마치지 않은 주문이 이미 5건 있습니다/);
  });

  it("opens a place again once an order is paid or canceled", async () => {
    const buyer = await createMember(services);
    const ids = [];
    for (let i = 0; i < MAX_OPEN_ORDERS; i++) ids.push(await newOrder(buyer));
    expect((await order(buyer, randomUUID())).status).toBe(429);
    await completeSandboxPayment({ services, uid: buyer.uid, orderId: ids[0] as string });
    await cancelSandboxPayment({ services, uid: buyer.uid, orderId: ids[1] as string });
    expect((await order(buyer, randomUUID())).status).toBe(201);
    expect((await order(buyer, randomUUID())).status).toBe(201);
    expect((await order(buyer, randomUUID())).status).toBe(429);
  });

  it(`limits a member to ${ORDERS_PER_MEMBER.limit} orders an hour, paid or not`, async () => {
    const buyer = await createMember(services);
    for (let i = 0; i < ORDERS_PER_MEMBER.limit; i++) {
      const orderId = await newOrder(buyer);
      await cancelSandboxPayment({ services, uid: buyer.uid, orderId });
    }
    const error = await newOrder(buyer).then(
      () => null,
      (e: unknown) => e as AppError,
    );
    expect(error?.code).toBe("RATE_LIMITED");
    expect(await ordersOf(buyer.uid)).toHaveLength(ORDERS_PER_MEMBER.limit);
    clock.advance(ORDERS_PER_MEMBER.windowMs);
    await newOrder(buyer);
    expect(await ordersOf(buyer.uid)).toHaveLength(ORDERS_PER_MEMBER.limit + 1);
  });

  it("counts a refused request against nothing", async () => {
    const buyer = await createMember(services);
    for (let i = 0; i < MAX_OPEN_ORDERS; i++) await newOrder(buyer);
    const counters = async () =>
      (await services.db.query({ collection: RATE_LIMITS, where: [{ field: "bucket", op: "==", value: "orders" }] }))
        .map((doc) => doc.data.count)
        .reduce((a, b) => a + b, 0);
    const before = await counters();
    for (let i = 0; i < 3; i++) expect((await order(buyer, randomUUID())).status).toBe(429);
    expect(await counters()).toBe(before);
  });
});

describe("the expiry sweep", () => {
  it("closes an unpaid order past its window as expired, and leaves a fresh one open", async () => {
    const buyer = await createMember(services);
    const old = await newOrder(buyer);
    clock.advance((CHECKOUT_WINDOW_MINUTES - 10) * MINUTE);
    const fresh = await newOrder(buyer);
    expect((await stored(old)).expiresAt).toBe(
      new Date(Date.parse((await stored(old)).createdAt) + CHECKOUT_WINDOW_MINUTES * MINUTE).toISOString(),
    );
    clock.advance(10 * MINUTE);
    const outcome = await expireOrders({ services });
    expect(outcome.expired).toBeGreaterThanOrEqual(1);
    expect((await stored(old)).status).toBe("expired");
    expect((await stored(fresh)).status).toBe("pending");
    const view = await call(getOrderRoute, { path: `/api/orders/${old}`, params: { id: old }, token: buyer.idToken });
    expect(await view.json()).toMatchObject({ orderId: old, status: "expired", receiptUrl: null });
  });

  it("credits a payment the provider took but we never heard of, instead of expiring the order", async () => {
    const buyer = await createMember(services);
    const orderId = await newOrder(buyer);
    const order = await stored(orderId);
    // The buyer paid at the provider and closed the browser: our confirmation never ran.
    sandbox.takePayment({ orderId, amount: order.amount, currency: order.currency, description: "" }, clock.now());
    expect((await stored(orderId)).status).toBe("pending");
    clock.advance(CHECKOUT_WINDOW_MINUTES * MINUTE);
    const outcome = await expireOrders({ services });
    expect(outcome.confirmed).toBeGreaterThanOrEqual(1);
    expect(await stored(orderId)).toMatchObject({
      status: "paid",
      providerPaymentId: `sandbox_${orderId}`,
      receiptUrl: `http://localhost:3100/checkout/sandbox/${orderId}`,
    });
    expect(await balanceOf(buyer.uid)).toBe(order.points);
    // A second sweep, and the buyer's late return, credit nothing more.
    await expireOrders({ services });
    await completeSandboxPayment({ services, uid: buyer.uid, orderId });
    const entries = await services.db.query({
      collection: POINT_ENTRIES,
      where: [{ field: "orderId", op: "==", value: orderId }],
    });
    expect(entries).toHaveLength(1);
    expect(await balanceOf(buyer.uid)).toBe(order.points);
  });

  it("leaves an order open while the provider says its payment is still under way", async () => {
    const buyer = await createMember(services);
    const orderId = await newOrder(buyer);
    const underWay = createServices(getServerConfig(), {
      db: services.db,
      clock,
      paymentProviders: {
        sandbox: Object.assign(new SandboxPaymentProvider("http://localhost:3100"), {
          lookupPayment: async () => ({ status: "pending" as const }),
        }),
      },
    });
    clock.advance(CHECKOUT_WINDOW_MINUTES * MINUTE);
    const outcome = await expireOrders({ services: underWay });
    expect(outcome.left).toBeGreaterThanOrEqual(1);
    expect((await stored(orderId)).status).toBe("pending");
    await expireOrders({ services });
    expect((await stored(orderId)).status).toBe("expired");
  });

  it("leaves an order open when the provider cannot be asked, and closes it on a later run", async () => {
    const buyer = await createMember(services);
    const orderId = await newOrder(buyer);
    const down = createServices(getServerConfig(), {
      db: services.db,
      clock,
      paymentProviders: {
        sandbox: Object.assign(new SandboxPaymentProvider("http://localhost:3100"), {
          lookupPayment: async () => {
            throw new Error("provider down");
          },
        }),
      },
    });
    clock.advance(CHECKOUT_WINDOW_MINUTES * MINUTE);
    await expireOrders({ services: down });
    expect((await stored(orderId)).status).toBe("pending");
    await expireOrders({ services });
    expect((await stored(orderId)).status).toBe("expired");
  });

  it("still credits a payment confirmed after the order expired", async () => {
    const buyer = await createMember(services);
    const orderId = await newOrder(buyer);
    clock.advance(CHECKOUT_WINDOW_MINUTES * MINUTE);
    await expireOrders({ services });
    expect((await stored(orderId)).status).toBe("expired");
    const order = await stored(orderId);
    await confirmPayment({
      services,
      orderId,
      provider: "sandbox",
      providerPaymentId: "pay_late",
      amount: order.amount,
      currency: order.currency,
      receiptUrl: "https://receipts.example.com/pay_late",
    });
    expect(await stored(orderId)).toMatchObject({
      status: "paid",
      receiptUrl: "https://receipts.example.com/pay_late",
    });
    expect(await balanceOf(buyer.uid)).toBe(order.points);
  });
});
