/**
 * Toss Payments (KRW). Checkout is our own page, which renders Toss's payment widget
 * for the stored amount; the buyer authenticates there, Toss sends the browser back
 * with a paymentKey, and the server confirms that payment through Toss's API
 * (lib/payments/confirm-toss-payment.ts). Toss never learns who the member is.
 *
 * A refund is a cancel of the payment (in full or in part) with our refund's id as the
 * Idempotency-Key. Toss does not echo that key, so the cancel's reason carries the id
 * too (`[refund:<id>]`): that is how a cancel of ours is told from one made in Toss's
 * dashboard, in the cancel's answer and in every later read of the payment.
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
  ProviderRefund,
  RefundPaymentRequest,
} from "./payment-provider";
import {
  isRetryableTossCode,
  TossApiError,
  type TossCancel,
  type TossCancelRequest,
  type TossPayment,
  type TossPaymentsApi,
} from "./toss-payments-api";

/** Toss's documented window: a second cancel of the same payment within 1 s is not carried out. */
const CONSECUTIVE_CANCEL_WAIT_MS = 1_100;

/** Our refund's id inside a cancel's reason; Toss allows 200 characters of reason. */
const REFUND_ID_IN_REASON = /\[refund:([^\]]+)\]/;

/** The providerCode of a virtual-account payment, which the adapter cannot refund (see refundPayment). */
export const TOSS_VIRTUAL_ACCOUNT_REFUND_CODE = "VIRTUAL_ACCOUNT_NEEDS_REFUND_ACCOUNT";

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
   * Reads the payment first: a refund already among its cancels is answered from there
   * without a second cancel. A virtual-account payment is refused here, because Toss
   * returns its money only to a bank account the buyer names (refundReceiveAccount),
   * which we do not collect; staff refund those by hand. A cancel of the whole untouched
   * payment goes without `cancelAmount`, as Toss documents a full cancel.
   */
  async refundPayment(request: RefundPaymentRequest): Promise<ProviderRefund> {
    const payment = await this.readPayment(request.providerPaymentId, request.orderId);
    // Toss keeps an Idempotency-Key 15 days; the reason keeps our id for good.
    const earlier = payment.cancels.find((cancel) => refundIdOf(cancel) === request.refundId);
    if (earlier) {
      if (earlier.cancelAmount !== request.amount)
        throw new AppError("PROVIDER_REFUSED", "service.paymentProviderRefused", {
          details: { providerCode: "IDEMPOTENCY_KEY_REUSED" },
          diagnostic: `Refund ${request.refundId} was cancelled at Toss for ${earlier.cancelAmount}, now asked for ${request.amount}.`,
        });
      return { ...toProviderRefund(earlier), refundId: request.refundId };
    }
    if (payment.isVirtualAccount)
      throw new AppError("PROVIDER_REFUSED", "service.paymentProviderRefused", {
        details: { providerCode: TOSS_VIRTUAL_ACCOUNT_REFUND_CODE },
        diagnostic: `Toss payment ${payment.paymentKey} of order ${request.orderId} was paid into a virtual account: its refund needs the buyer's bank account, which only staff can take.`,
      });
    const body: TossCancelRequest = { cancelReason: `환불 [refund:${request.refundId}]` };
    const untouched = payment.cancels.length === 0 && payment.balanceAmount === payment.totalAmount;
    if (!(untouched && request.amount === payment.totalAmount)) body.cancelAmount = request.amount;
    let answer: TossPayment;
    try {
      answer = await this.cancelPaced(payment.paymentKey, body, request.refundId);
    } catch (error) {
      throw tossRefundError("cancel", payment.paymentKey, error);
    }
    const cancel = cancelOf(answer.cancels, request);
    if (!cancel)
      throw new AppError("PROVIDER_FAILED", "service.paymentProviderFailed", {
        diagnostic: `Toss cancel of ${payment.paymentKey} answered without a cancel of ${request.amount} for refund ${request.refundId}.`,
      });
    return { ...toProviderRefund(cancel), refundId: request.refundId };
  }

  async listRefunds({
    orderId,
    providerPaymentId,
  }: {
    orderId: string;
    providerPaymentId: string;
  }): Promise<ProviderRefund[]> {
    const payment = await this.readPayment(providerPaymentId, orderId);
    return payment.cancels.map(toProviderRefund);
  }

  /**
   * Toss carries out only the first of two cancels of a payment less than a second
   * apart and refuses the second (FORBIDDEN_CONSECUTIVE_REQUEST): two partial refunds in
   * a row, or a refund racing a dashboard cancel. The second is sent again after that second.
   */
  private async cancelPaced(paymentKey: string, body: TossCancelRequest, idempotencyKey: string): Promise<TossPayment> {
    try {
      return await this.api.cancel(paymentKey, body, idempotencyKey);
    } catch (error) {
      if (!(error instanceof TossApiError && error.code === "FORBIDDEN_CONSECUTIVE_REQUEST")) throw error;
      await new Promise((resolve) => setTimeout(resolve, CONSECUTIVE_CANCEL_WAIT_MS));
      return this.api.cancel(paymentKey, body, idempotencyKey);
    }
  }

  private async readPayment(paymentKey: string, orderId: string): Promise<TossPayment> {
    let payment: TossPayment;
    try {
      payment = await this.api.getPayment(paymentKey);
    } catch (error) {
      throw tossRefundError("read", paymentKey, error);
    }
    if (payment.orderId !== orderId)
      throw new AppError("PROVIDER_REFUSED", "service.paymentProviderRefused", {
        details: { providerCode: "ORDER_MISMATCH" },
        diagnostic: `Toss payment ${paymentKey} belongs to another order than ${orderId}.`,
      });
    return payment;
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

/**
 * The cancel a call made: the one whose reason names the refund, or (a reason Toss did
 * not keep) the newest of that amount, the answer being the one our call produced.
 */
function cancelOf(cancels: TossCancel[], request: RefundPaymentRequest): TossCancel | undefined {
  return (
    cancels.find((cancel) => refundIdOf(cancel) === request.refundId) ??
    cancels.findLast((cancel) => cancel.cancelAmount === request.amount && refundIdOf(cancel) === null)
  );
}

function refundIdOf(cancel: TossCancel): string | null {
  return REFUND_ID_IN_REASON.exec(cancel.cancelReason)?.[1] ?? null;
}

export function toProviderRefund(cancel: TossCancel): ProviderRefund {
  return {
    providerRefundId: cancel.transactionKey,
    amount: cancel.cancelAmount,
    currency: "KRW",
    status:
      cancel.cancelStatus === "IN_PROGRESS" ? "pending" : cancel.cancelStatus === "ABORTED" ? "failed" : "succeeded",
    refundId: refundIdOf(cancel),
  };
}

/** Toss's answered refusal is PROVIDER_REFUSED with its code; anything a retry may cure is PROVIDER_FAILED. */
function tossRefundError(operation: string, paymentKey: string, error: unknown): AppError {
  if (error instanceof TossApiError && !isRetryableTossCode(error.code))
    return new AppError("PROVIDER_REFUSED", "service.paymentProviderRefused", {
      details: { providerCode: error.code },
      diagnostic: `Toss ${operation} of ${paymentKey} refused: ${error.status} ${error.code}`,
    });
  const reason = error instanceof TossApiError ? `${error.status} ${error.code}` : (error as Error).message;
  return new AppError("PROVIDER_FAILED", "service.paymentProviderFailed", {
    diagnostic: `Toss ${operation} of ${paymentKey} failed: ${reason}`,
  });
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
