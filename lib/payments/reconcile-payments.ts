/**
 * Reconciliation (대사): our orders of a period against what each payment provider
 * holds for it, so money taken without points, points without money, or a refund on
 * one side only is found and named. Reads only: it changes nothing on either side.
 */
import { AppError } from "../errors/app-error";
import { ORDERS, PAID_STATUSES, type Order } from "../orders/order";
import type { Services } from "../services";
import type { PaymentPeriod, PaymentProviderId, ProviderPayment } from "./payment-provider";

export type MismatchKind =
  /** The provider took the money; our order is not paid (or we have no such order). */
  | "paid-only-at-provider"
  /** Our order is paid; the provider holds no payment for it. */
  | "paid-only-with-us"
  | "amount-differs"
  | "currency-differs"
  /** The provider's refunded or canceled total is not the order's refundedAmount. */
  | "refunded-differs";

/** One side's view of a payment: ids, amounts and statuses only, never who paid. */
export interface PaymentSide {
  status: string;
  amount: number;
  currency: string;
  refundedAmount: number;
}

export interface PaymentMismatch {
  kind: MismatchKind;
  orderId: string;
  providerPaymentId: string | null;
  ours: PaymentSide | null;
  theirs: PaymentSide | null;
}

export interface ProviderReconciliation {
  provider: PaymentProviderId;
  /** Our orders of the period (created or paid in it) with this provider. */
  orders: number;
  /** The provider's payments listed for the period. */
  providerPayments: number;
  mismatches: PaymentMismatch[];
}

export interface ReconcilePaymentsOptions {
  services: Services;
  period: PaymentPeriod;
  /** Only this provider; every provider offered here otherwise. */
  provider?: PaymentProviderId;
}

const PAGE = 500;

/**
 * Compares, per provider, our orders created or paid in the period with the provider's
 * payments of the period. A paid order the provider's listing leaves out (its notion of
 * the period differs from ours) is asked about on its own before it is called missing.
 */
export async function reconcilePayments(options: ReconcilePaymentsOptions): Promise<ProviderReconciliation[]> {
  const { services, period } = options;
  const ids = options.provider ? [options.provider] : (Object.keys(services.paymentProviders) as PaymentProviderId[]);
  const results: ProviderReconciliation[] = [];
  for (const id of ids) {
    const provider = services.paymentProviders[id];
    if (!provider?.listPayments)
      throw new AppError("FEATURE_DISABLED", "order.providerUnavailable", {
        diagnostic: `The ${id} payment provider is not offered here or cannot list its payments.`,
      });
    const ours = await ordersOfPeriod(services, id, period);
    const theirs = new Map<string, ProviderPayment>();
    for await (const payment of provider.listPayments(period)) {
      // An order with more than one payment at the provider is judged by the one that took money.
      const known = theirs.get(payment.orderId);
      if (!known || (known.status !== "paid" && payment.status === "paid")) theirs.set(payment.orderId, payment);
    }
    const mismatches: PaymentMismatch[] = [];
    for (const [orderId, order] of ours) {
      const payment = theirs.get(orderId) ?? (await askAboutPaidOrder(services, orderId, order));
      mismatches.push(...compare(orderId, order, payment));
    }
    for (const [orderId, payment] of theirs) {
      if (ours.has(orderId)) continue;
      const doc = await services.db.get(ORDERS, orderId);
      const order = doc && doc.data.provider === id ? doc.data : null;
      mismatches.push(...compare(orderId, order, payment));
    }
    results.push({ provider: id, orders: ours.size, providerPayments: theirs.size, mismatches });
  }
  return results;
}

async function ordersOfPeriod(
  services: Services,
  provider: PaymentProviderId,
  period: PaymentPeriod,
): Promise<Map<string, Order>> {
  const found = new Map<string, Order>();
  const [from, to] = [period.from.toISOString(), period.to.toISOString()];
  for (const field of ["createdAt", "paidAt"] as const) {
    let startAfter: { values: string[]; id: string } | undefined;
    for (;;) {
      const page = await services.db.query({
        collection: ORDERS,
        where: [
          { field, op: ">=", value: from },
          { field, op: "<", value: to },
        ],
        orderBy: [{ field, direction: "asc" }],
        limit: PAGE,
        ...(startAfter ? { startAfter } : {}),
      });
      for (const { id, data } of page) if (data.provider === provider) found.set(id, data);
      const last = page.at(-1);
      if (!last || page.length < PAGE) break;
      startAfter = { values: [last.data[field] ?? ""], id: last.id };
    }
  }
  return found;
}

/** A paid order the listing left out, read on its own; null when it cannot be asked or was not paid. */
async function askAboutPaidOrder(services: Services, orderId: string, order: Order): Promise<ProviderPayment | null> {
  const provider = services.paymentProviders[order.provider];
  if (!PAID_STATUSES.has(order.status) || !provider?.lookupPayment) return null;
  const lookup = await provider.lookupPayment({
    orderId,
    amount: order.amount,
    currency: order.currency,
    providerPaymentId: order.providerPaymentId,
    providerCheckoutId: order.providerCheckoutId ?? null,
    closing: false,
  });
  if (lookup.status !== "paid") return null;
  // A single payment's lookup does not say what was refunded: that comparison needs the listing.
  const { providerPaymentId, amount, currency } = lookup;
  return { orderId, providerPaymentId, amount, currency, status: "paid", refundedAmount: order.refundedAmount };
}

function compare(orderId: string, order: Order | null, payment: ProviderPayment | null): PaymentMismatch[] {
  const ours: PaymentSide | null = order && {
    status: order.status,
    amount: order.amount,
    currency: order.currency,
    refundedAmount: order.refundedAmount,
  };
  const theirs: PaymentSide | null = payment && {
    status: payment.status,
    amount: payment.amount,
    currency: payment.currency,
    refundedAmount: payment.refundedAmount,
  };
  const mismatch = (kind: MismatchKind): PaymentMismatch => ({
    kind,
    orderId,
    providerPaymentId: payment?.providerPaymentId ?? order?.providerPaymentId ?? null,
    ours,
    theirs,
  });
  const paidWithUs = order !== null && PAID_STATUSES.has(order.status);
  const paidThere = payment?.status === "paid";
  if (paidThere && !paidWithUs) return [mismatch("paid-only-at-provider")];
  if (!paidThere && paidWithUs) return [mismatch("paid-only-with-us")];
  if (!paidThere || !order || !payment) return [];
  const found: PaymentMismatch[] = [];
  if (payment.amount !== order.amount) found.push(mismatch("amount-differs"));
  if (payment.currency !== order.currency) found.push(mismatch("currency-differs"));
  if (payment.refundedAmount !== order.refundedAmount) found.push(mismatch("refunded-differs"));
  return found;
}
