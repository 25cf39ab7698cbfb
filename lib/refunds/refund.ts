/**
 * A refund: money of a paid order going back through its provider, and the points of
 * that purchase taken back with it. Every refund, however it started, is one record
 * here, kept 5 years with the order as a consumer-law record (전자상거래법: 청약철회와
 * 환불의 기록). Only what the law needs: amounts, states, the provider's refund id.
 */
import type { Order } from "../orders/order";
import type { Currency, PaymentProviderId } from "../payments/payment-provider";

import { REFUNDS } from "../privacy/data-inventory";

export { REFUNDS };

/**
 * withdrawal: the member's own 청약철회 within the withdrawal period, of a purchase
 * whose points are all unused, done at once. request: asked by the member outside those
 * conditions, decided by support staff. provider: made at the provider (its dashboard),
 * learnt from its webhook or the reconciliation. dispute: a chargeback.
 */
export type RefundOrigin = "withdrawal" | "request" | "provider" | "dispute";

/**
 * requested: waiting for staff. processing: approved, the points taken back, the
 * provider asked (or about to be). succeeded: the money went back. failed: the
 * provider refused; the points were given back. rejected: staff declined it.
 * reversed: a chargeback the seller won; its points were given back.
 */
export type RefundStatus = "requested" | "processing" | "succeeded" | "failed" | "rejected" | "reversed";

/** Why a member's refund could not be done at once and went to staff. */
export type RefundReview =
  | "withdrawal-period-over"
  | "points-used"
  | "partly-refunded"
  | "needs-bank-account"
  | "provider-refused"
  | "provider-cannot-refund";

export interface Refund {
  uid: string;
  orderId: string;
  provider: PaymentProviderId;
  origin: RefundOrigin;
  status: RefundStatus;
  /** Money to return, in the order's currency's smallest unit. */
  amount: number;
  currency: Currency;
  /** Paid points of the purchase the refund is for (taken off its lot). */
  lotPoints: number;
  /** Points taken off the balance: those paid points and the share of the purchase's bonus withdrawn with them. */
  points: number;
  /**
   * Points that should have been taken back and were already spent (a refund made at
   * the provider, a bonus used up): the balance never goes negative. For staff to follow up.
   */
  pointsShortfall: number;
  /** Why it waits for staff; null for a refund done at once. */
  review: RefundReview | null;
  /** The provider's id of the refund (Stripe `re_…`, a Toss cancel's transactionKey) or of the dispute (`dp_…`). */
  providerRefundId: string | null;
  /** The provider's code when it refused. */
  failureCode: string | null;
  /** The staff member who approved or rejected it. */
  decidedBy: string | null;
  /** Why staff decided as they did: the rejection mail gives it to the member. */
  decisionReason: string | null;
  requestedAt: string;
  decidedAt: string | null;
  completedAt: string | null;
}

/** What the buyer sees of a refund. */
export type RefundView = { refundId: string } & Pick<
  Refund,
  "origin" | "status" | "amount" | "currency" | "points" | "review" | "requestedAt" | "completedAt"
>;

export function toRefundView(refundId: string, refund: Refund): RefundView {
  return {
    refundId,
    origin: refund.origin,
    status: refund.status,
    amount: refund.amount,
    currency: refund.currency,
    points: refund.points,
    review: refund.review,
    requestedAt: refund.requestedAt,
    completedAt: refund.completedAt,
  };
}

/** Statuses in which a refund still claims its points and money: another refund must count them. */
export const OPEN_REFUND_STATUSES: ReadonlySet<RefundStatus> = new Set(["requested", "processing"]);

type Priced = Pick<Order, "amount" | "points" | "bonusPoints">;

/**
 * The money for `paidPoints` of an order: that many times what was paid per paid point,
 * amounts below the currency's unit dropped (the refund policy, article 3(2)). The most
 * a refund may return for the points it takes back.
 */
export function moneyForPoints(order: Priced, paidPoints: number): number {
  return Math.floor((order.amount * paidPoints) / (order.points - order.bonusPoints));
}

/** The paid points `amount` of an order's money bought, rounded up: what a refund made at the provider takes back. */
export function pointsForMoney(order: Priced, amount: number): number {
  return Math.ceil(((order.points - order.bonusPoints) * amount) / order.amount);
}

/** The purchase's bonus withdrawn with a refund of `paidPoints` of it: all of it with the whole purchase, a share with part. */
export function bonusShare(order: Priced, paidPoints: number): number {
  return Math.ceil((order.bonusPoints * paidPoints) / (order.points - order.bonusPoints));
}
