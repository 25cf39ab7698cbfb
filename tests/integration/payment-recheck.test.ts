/**
 * Unpaid orders re-read from their provider before they expire, against the Toss
 * stand-in: Toss's lookup by order id (each status it can report), and the sweep
 * crediting the payments a lost answer would otherwise lose (a confirm at Toss whose
 * result we never recorded, a virtual account's deposit whose webhook was lost), on
 * the schedule of lib/orders/payment-check-schedule.ts. The services run on a
 * ManualClock so the schedule passes at once.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ManualClock } from "../../lib/clock/clock";
import { getServerConfig } from "../../lib/config/env";
import { AppError } from "../../lib/errors/app-error";
import { createOrder } from "../../lib/orders/create-order";
import { expireOrders } from "../../lib/orders/expire-orders";
import { ORDERS, type Order } from "../../lib/orders/order";
import { recheckUnpaidOrders } from "../../lib/orders/recheck-unpaid-orders";
import { confirmTossPayment } from "../../lib/payments/confirm-toss-payment";
import type { PaymentLookupOrder } from "../../lib/payments/payment-provider";
import { TossPaymentProvider } from "../../lib/payments/toss-payment-provider";
import { TossPaymentsApi } from "../../lib/payments/toss-payments-api";
import { POINT_ENTRIES } from "../../lib/points/ledger";
import { createServices, getServices, type Services } from "../../lib/services";
import type { TestUser } from "../support/firebase-users";
import { createMember } from "../support/members";
import { TossStandIn, type TossMethod } from "../support/stand-ins/toss-stand-in";

const MINUTE = 60_000;
const clock = new ManualClock(new Date());
// Every webhook is lost: only a re-read can tell us what happened at Toss.
const toss = new TossStandIn({ deliver: async () => new Response(null, { status: 503 }), now: () => clock.now() });
let services: Services;
let provider: TossPaymentProvider;

function tossProvider(options: { baseUrl: string; secretKey: string }): TossPaymentProvider {
  return new TossPaymentProvider(
    "http://localhost:3100",
    new TossPaymentsApi({ ...options, timeoutMs: 1_000, retries: 0 }),
  );
}

function servicesWith(toss: TossPaymentProvider): Services {
  return createServices(getServerConfig(), { db: getServices().db, clock, paymentProviders: { toss } });
}

beforeAll(async () => {
  await toss.start();
  provider = tossProvider({ baseUrl: toss.baseUrl, secretKey: toss.secretKey });
  services = servicesWith(provider);
});

afterAll(async () => {
  await toss.close();
});

async function newOrder(buyer: TestUser): Promise<{ orderId: string; amount: number }> {
  const { orderId } = await createOrder({
    services,
    uid: buyer.uid,
    input: { packageId: "points-1000", provider: "toss" },
    idempotencyKey: randomUUID(),
  });
  return { orderId, amount: (await stored(orderId)).amount };
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

function lookupsOf(orderId: string): number {
  return toss.received.filter((r) => r.method === "GET" && r.path === `/v1/payments/orders/${orderId}`).length;
}

function lookup(orderId: string, amount: number, closing = false): PaymentLookupOrder {
  return { orderId, amount, currency: "KRW", providerPaymentId: null, providerCheckoutId: null, closing };
}

/** Toss confirms the payment (our confirm call reached it) without our side recording anything. */
async function confirmedAtTossOnly(orderId: string, amount: number, method: TossMethod = "card"): Promise<string> {
  const paymentKey = toss.authenticate({ orderId, amount, method });
  await provider.api.confirm({ paymentKey, orderId, amount }, `confirm-${paymentKey}`);
  return paymentKey;
}

describe("Toss's lookup of an order's payment", () => {
  it("reads the payment by our order id, with the secret key, and maps each status", async () => {
    const buyer = await createMember(services);
    const none = await newOrder(buyer);
    expect(await provider.lookupPayment(lookup(none.orderId, none.amount))).toEqual({ status: "not-paid" });
    const [read] = toss.received.filter((r) => r.path === `/v1/payments/orders/${none.orderId}`);
    expect(read?.headers.authorization).toBe(`Basic ${Buffer.from(`${toss.secretKey}:`).toString("base64")}`);

    // Authenticated in the widget, never confirmed: Toss drops it after its confirm window.
    const authenticated = await newOrder(buyer);
    toss.authenticate({ orderId: authenticated.orderId, amount: authenticated.amount });
    expect(await provider.lookupPayment(lookup(authenticated.orderId, authenticated.amount))).toEqual({
      status: "not-paid",
    });

    const card = await newOrder(buyer);
    const paymentKey = await confirmedAtTossOnly(card.orderId, card.amount);
    expect(await provider.lookupPayment(lookup(card.orderId, card.amount))).toEqual({
      status: "paid",
      providerPaymentId: paymentKey,
      amount: card.amount,
      currency: "KRW",
      receiptUrl: expect.stringMatching(/^https:\/\/dashboard\.tosspayments\.com\/receipt\//),
    });
    // Part of the money went back at Toss: it was still taken.
    toss.cancelInDashboard(paymentKey, { amount: 100 });
    expect(await provider.lookupPayment(lookup(card.orderId, card.amount))).toMatchObject({ status: "paid" });
    toss.cancelInDashboard(paymentKey);
    expect(await provider.lookupPayment(lookup(card.orderId, card.amount))).toEqual({ status: "not-paid" });

    const deposit = await newOrder(buyer);
    const accountKey = await confirmedAtTossOnly(deposit.orderId, deposit.amount, "virtual-account");
    expect(await provider.lookupPayment(lookup(deposit.orderId, deposit.amount))).toEqual({ status: "pending" });
    for (const status of ["ABORTED", "EXPIRED"]) {
      toss.setStatus(accountKey, status);
      expect(await provider.lookupPayment(lookup(deposit.orderId, deposit.amount))).toEqual({ status: "not-paid" });
    }
  });

  it("throws PROVIDER_FAILED when Toss refuses the key or cannot be reached, so the sweep asks again later", async () => {
    const wrongKey = tossProvider({ baseUrl: toss.baseUrl, secretKey: "test_sk_wrong" });
    const unreachable = tossProvider({ baseUrl: "http://127.0.0.1:9", secretKey: toss.secretKey });
    for (const adapter of [wrongKey, unreachable]) {
      const error = await adapter.lookupPayment(lookup("order-1234", 1_000)).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe("PROVIDER_FAILED");
    }
  });
});

describe("the re-read of unpaid orders before they expire", () => {
  it("credits a card payment Toss confirmed whose result we never recorded, at the first check", async () => {
    const buyer = await createMember(services);
    const { orderId, amount } = await newOrder(buyer);
    const paymentKey = await confirmedAtTossOnly(orderId, amount);
    clock.advance(4 * MINUTE);
    await recheckUnpaidOrders({ services });
    expect(lookupsOf(orderId)).toBe(0);
    expect((await stored(orderId)).status).toBe("pending");

    clock.advance(MINUTE);
    const outcome = await recheckUnpaidOrders({ services });
    expect(outcome.confirmed).toBeGreaterThanOrEqual(1);
    expect(await stored(orderId)).toMatchObject({ status: "paid", providerPaymentId: paymentKey });
    expect(await purchaseEntries(orderId)).toBe(1);
    // Paid orders are not asked about again, and the buyer's late return credits nothing more.
    clock.advance(20 * MINUTE);
    await recheckUnpaidOrders({ services });
    expect(lookupsOf(orderId)).toBe(1);
    await confirmTossPayment({ services, uid: buyer.uid, input: { paymentKey, orderId, amount } });
    expect(await purchaseEntries(orderId)).toBe(1);
  });

  it("credits a virtual account's deposit whose webhook was lost within the hour, checking hourly meanwhile", async () => {
    const buyer = await createMember(services);
    const { orderId, amount } = await newOrder(buyer);
    const paymentKey = toss.authenticate({ orderId, amount, method: "virtual-account" });
    clock.advance(MINUTE);
    await confirmTossPayment({ services, uid: buyer.uid, input: { paymentKey, orderId, amount } });
    expect((await stored(orderId)).status).toBe("waiting_for_deposit");

    // Checks at 5 and 15 minutes and 1 and 2 hours find the deposit still awaited.
    for (let minute = 2; minute <= 130; minute++) {
      clock.advance(MINUTE);
      await recheckUnpaidOrders({ services });
    }
    expect(lookupsOf(orderId)).toBe(4);
    expect((await stored(orderId)).status).toBe("waiting_for_deposit");

    await toss.deposit(paymentKey);
    expect(toss.deliveries.at(-1)?.status).toBe(503);
    clock.advance(50 * MINUTE); // 3 hours after the order
    await recheckUnpaidOrders({ services });
    expect(lookupsOf(orderId)).toBe(5);
    expect(await stored(orderId)).toMatchObject({ status: "paid", providerPaymentId: paymentKey });
    expect(await purchaseEntries(orderId)).toBe(1);
  });

  it("never closes an order it finds unpaid before expiry, and leaves the closing to the expiry sweep", async () => {
    const buyer = await createMember(services);
    const { orderId } = await newOrder(buyer);
    for (let minute = 1; minute <= 29; minute++) {
      clock.advance(MINUTE);
      await recheckUnpaidOrders({ services });
    }
    expect(lookupsOf(orderId)).toBe(2);
    expect((await stored(orderId)).status).toBe("pending");
    clock.advance(MINUTE);
    await expireOrders({ services });
    expect((await stored(orderId)).status).toBe("expired");
    clock.advance(60 * MINUTE);
    await recheckUnpaidOrders({ services });
    expect(lookupsOf(orderId)).toBe(3); // the expiry sweep's, none since
  });

  it("asks once when two sweeps run at the same moment", async () => {
    const buyer = await createMember(services);
    const { orderId } = await newOrder(buyer);
    clock.advance(5 * MINUTE);
    await Promise.all([recheckUnpaidOrders({ services }), recheckUnpaidOrders({ services })]);
    expect(lookupsOf(orderId)).toBe(1);
  });

  it("moves on to the next check when Toss cannot be asked, and credits then", async () => {
    const buyer = await createMember(services);
    const { orderId, amount } = await newOrder(buyer);
    const paymentKey = await confirmedAtTossOnly(orderId, amount);
    const down = servicesWith(tossProvider({ baseUrl: "http://127.0.0.1:9", secretKey: toss.secretKey }));
    clock.advance(5 * MINUTE);
    await recheckUnpaidOrders({ services: down });
    expect(await stored(orderId)).toMatchObject({
      status: "pending",
      nextCheckAt: new Date(Date.parse((await stored(orderId)).createdAt) + 15 * MINUTE).toISOString(),
    });
    clock.advance(10 * MINUTE);
    await recheckUnpaidOrders({ services });
    expect(await stored(orderId)).toMatchObject({ status: "paid", providerPaymentId: paymentKey });
  });
});
