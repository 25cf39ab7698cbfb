/** How a Toss cancel reads as a refund of the port (lib/payments/toss-payment-provider.ts). */
import { describe, expect, it } from "vitest";
import { toProviderRefund } from "../../lib/payments/toss-payment-provider";
import type { TossCancel } from "../../lib/payments/toss-payments-api";

function cancel(overrides: Partial<TossCancel> = {}): TossCancel {
  return {
    transactionKey: "A47A42AE50F68F5FFB62778C67153E36",
    cancelAmount: 5_000,
    cancelReason: "고객 요청",
    canceledAt: "2026-11-24T11:11:45+09:00",
    cancelStatus: "DONE",
    ...overrides,
  };
}

describe("a Toss cancel as a ProviderRefund", () => {
  it("is the transactionKey and amount in KRW", () => {
    expect(toProviderRefund(cancel())).toEqual({
      providerRefundId: "A47A42AE50F68F5FFB62778C67153E36",
      amount: 5_000,
      currency: "KRW",
      status: "succeeded",
      refundId: null,
    });
  });

  it("follows cancelStatus: DONE succeeded, IN_PROGRESS pending, ABORTED failed, absent (older API) succeeded", () => {
    expect(toProviderRefund(cancel({ cancelStatus: "IN_PROGRESS" })).status).toBe("pending");
    expect(toProviderRefund(cancel({ cancelStatus: "ABORTED" })).status).toBe("failed");
    expect(toProviderRefund(cancel({ cancelStatus: null })).status).toBe("succeeded");
  });

  it("names our refund only when the reason carries it", () => {
    expect(toProviderRefund(cancel({ cancelReason: "환불 [refund:rf_123]" })).refundId).toBe("rf_123");
    expect(toProviderRefund(cancel({ cancelReason: "refund rf_123" })).refundId).toBeNull();
    expect(toProviderRefund(cancel({ cancelReason: "" })).refundId).toBeNull();
  });
});
