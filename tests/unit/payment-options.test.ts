import { describe, expect, it } from "vitest";
import { defaultPaymentOption, sortPaymentOptions } from "../../components/points/payment-options";
import type { PaymentOption } from "../../lib/pricing/get-catalog";

const sandbox: PaymentOption = { provider: "sandbox", currency: "KRW" };
const toss: PaymentOption = { provider: "toss", currency: "KRW" };
const stripe: PaymentOption = { provider: "stripe", currency: "USD" };

describe("the ways to pay on the points page", () => {
  it("lists Toss, then Stripe, then the test payment, whatever order the configuration names them in", () => {
    expect(sortPaymentOptions([sandbox, stripe, toss])).toEqual([toss, stripe, sandbox]);
  });

  it("starts a Korean page on Toss and an English one on Stripe", () => {
    expect(defaultPaymentOption([sandbox, toss, stripe], "ko")).toEqual(toss);
    expect(defaultPaymentOption([sandbox, toss, stripe], "en")).toEqual(stripe);
  });

  it("prefers a real provider in another currency to the test payment", () => {
    expect(defaultPaymentOption([sandbox, toss], "en")).toEqual(toss);
    expect(defaultPaymentOption([sandbox, stripe], "ko")).toEqual(stripe);
  });

  it("starts on the test payment when it is all there is, and on nothing when nothing is offered", () => {
    expect(defaultPaymentOption([sandbox], "en")).toEqual(sandbox);
    expect(defaultPaymentOption([], "ko")).toBeNull();
  });
});
