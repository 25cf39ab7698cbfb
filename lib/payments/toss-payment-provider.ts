/**
 * Toss Payments (KRW). Checkout is our own page, which renders Toss's payment widget
 * for the stored amount; the buyer authenticates there, Toss sends the browser back
 * with a paymentKey, and the server confirms that payment through Toss's API
 * (lib/payments/confirm-toss-payment.ts). Toss never learns who the member is.
 */
import { AppError } from "../errors/app-error";
import { DEFAULT_LOCALE } from "../i18n/locales";
import type { PaymentProviders } from "./create-payment-providers";
import type {
  CheckoutOrder,
  PaymentLookup,
  PaymentLookupOrder,
  PaymentPeriod,
  PaymentProvider,
  ProviderPayment,
} from "./payment-provider";
import { TossApiError, type TossPayment, type TossPaymentsApi } from "./toss-payments-api";

/** Transactions asked for a page: Toss allows up to 5,000. */
const TRANSACTIONS_PAGE = 1_000;

export class TossPaymentProvider implements PaymentProvider {
  readonly id = "toss" as const;
  readonly currency = "KRW" as const;

  constructor(
    private readonly appUrl: string,
    readonly api: TossPaymentsApi,
  ) {}

  async startCheckout(order: CheckoutOrder): Promise<{ checkoutUrl: string }> {
    const path = `/${order.locale ?? DEFAULT_LOCALE}/checkout/toss/${encodeURIComponent(order.orderId)}`;
    return { checkoutUrl: new URL(path, this.appUrl).toString() };
  }

  /**
   * Toss holds at most one payment per orderId. A payment is DONE only after our own
   * confirm, so one we never recorded was confirmed by a process that stopped before it
   * wrote, or is a virtual account whose deposit webhook was lost. PARTIAL_CANCELED took
   * money too. One authenticated but never confirmed (READY, IN_PROGRESS) is dropped by
   * Toss after its confirm window, so it counts as not paid, as do the closed states.
   */
  async lookupPayment(order: PaymentLookupOrder): Promise<PaymentLookup> {
    let payment: TossPayment;
    try {
      payment = await this.api.getPaymentByOrderId(order.orderId);
    } catch (error) {
      if (error instanceof TossApiError && error.status === 404) return { status: "not-paid" };
      throw tossFailed("lookup", error);
    }
    switch (payment.status) {
      case "DONE":
      case "PARTIAL_CANCELED":
        return paidLookup(payment);
      case "WAITING_FOR_DEPOSIT":
        return { status: "pending" };
      case "READY":
      case "IN_PROGRESS":
      case "CANCELED":
      case "ABORTED":
      case "EXPIRED":
        return { status: "not-paid" };
    }
  }

  /**
   * The transactions API lists approvals and cancellations by when they were processed;
   * each payment named there is read back, so its state and what was given back are the
   * current ones, not only what happened inside the period.
   */
  async *listPayments(period: PaymentPeriod): AsyncIterable<ProviderPayment> {
    const paymentKeys = new Set<string>();
    // Toss's endDate is included, to the millisecond.
    const request = { from: period.from, to: new Date(period.to.getTime() - 1), limit: TRANSACTIONS_PAGE };
    for (let startingAfter: string | undefined; ;) {
      const page = await this.api.listTransactions({ ...request, startingAfter }).catch((error: unknown) => {
        throw tossFailed("transactions", error);
      });
      for (const transaction of page) paymentKeys.add(transaction.paymentKey);
      if (page.length < TRANSACTIONS_PAGE) break;
      startingAfter = page.at(-1)!.transactionKey;
    }
    for (const paymentKey of paymentKeys) {
      const payment = await this.api.getPayment(paymentKey).catch((error: unknown) => {
        throw tossFailed("payment", error);
      });
      yield {
        orderId: payment.orderId,
        providerPaymentId: payment.paymentKey,
        amount: payment.totalAmount,
        currency: payment.currency,
        status: providerStatus(payment),
        refundedAmount: payment.totalAmount - payment.balanceAmount,
      };
    }
  }
}

function paidLookup(payment: TossPayment): PaymentLookup {
  const { currency } = payment;
  if (currency !== "KRW" && currency !== "USD") throw tossFailed("lookup", new Error(`currency ${currency}`));
  return {
    status: "paid",
    providerPaymentId: payment.paymentKey,
    amount: payment.totalAmount,
    currency,
    receiptUrl: payment.receiptUrl,
  };
}

function providerStatus(payment: TossPayment): ProviderPayment["status"] {
  switch (payment.status) {
    case "DONE":
    case "PARTIAL_CANCELED":
      return "paid";
    // Canceled after approval: the money was taken, then all given back.
    case "CANCELED":
      return payment.approvedAt ? "paid" : "not-paid";
    case "WAITING_FOR_DEPOSIT":
    case "READY":
    case "IN_PROGRESS":
      return "pending";
    case "ABORTED":
    case "EXPIRED":
      return "not-paid";
  }
}

/** Toss refused or could not be reached: its status and code, never the request. */
function tossFailed(operation: string, error: unknown): AppError {
  const detail = error instanceof TossApiError ? `${error.status} ${error.code}` : (error as Error).message;
  return new AppError("PROVIDER_FAILED", "order.tossUnavailable", { diagnostic: `Toss ${operation}: ${detail}` });
}

/** The Toss adapter, for the use cases that speak to Toss itself; 404 when Toss is not offered here. */
export function requireTossProvider(providers: PaymentProviders): TossPaymentProvider {
  const toss = providers.toss;
  if (!(toss instanceof TossPaymentProvider)) throw new AppError("FEATURE_DISABLED", "order.tossDisabled");
  return toss;
}
