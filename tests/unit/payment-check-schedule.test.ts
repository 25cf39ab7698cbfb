import { describe, expect, it } from "vitest";
import { nextPaymentCheckAt } from "../../lib/orders/payment-check-schedule";

const created = "2026-03-01T00:00:00.000Z";
const at = (minutes: number) => new Date(Date.parse(created) + minutes * 60_000);

describe("the re-read schedule of an unpaid order", () => {
  it("checks 5 and 15 minutes after the order, then on each hour after it", () => {
    expect(nextPaymentCheckAt(created, at(0))).toBe(at(5).toISOString());
    expect(nextPaymentCheckAt(created, at(4.9))).toBe(at(5).toISOString());
    expect(nextPaymentCheckAt(created, at(5))).toBe(at(15).toISOString());
    expect(nextPaymentCheckAt(created, at(15))).toBe(at(60).toISOString());
    expect(nextPaymentCheckAt(created, at(59))).toBe(at(60).toISOString());
    expect(nextPaymentCheckAt(created, at(60))).toBe(at(120).toISOString());
    expect(nextPaymentCheckAt(created, at(3 * 24 * 60 + 1))).toBe(at(3 * 24 * 60 + 60).toISOString());
  });

  it("skips the checks a stopped sweep missed instead of catching up on each", () => {
    expect(nextPaymentCheckAt(created, at(200))).toBe(at(240).toISOString());
  });
});
