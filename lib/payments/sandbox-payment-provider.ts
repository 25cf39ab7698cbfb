/**
 * The sandbox provider: its own checkout page completes or cancels an order through
 * the same confirm-and-credit path as the real providers. The configuration refuses
 * it in production (lib/config/env.ts).
 */
import { AppError } from "../errors/app-error";
import type {
  CheckoutOrder,
  Currency,
  PaymentLookup,
  PaymentLookupOrder,
  PaymentPeriod,
  PaymentProvider,
  ProviderPayment,
  ProviderRefund,
  RefundPaymentRequest,
  StartedCheckout,
} from "./payment-provider";

export interface SandboxPayment {
  providerPaymentId: string;
  amount: number;
  currency: Currency;
  receiptUrl: string;
}

export class SandboxPaymentProvider implements PaymentProvider {
  readonly id = "sandbox" as const;
  readonly currency = "KRW" as const;
  /**
   * The payments this sandbox took, as a real provider keeps them on its side:
   * lookupPayment answers from here, whether or not our confirmation was recorded.
   * In memory, so only this process's sandbox knows them.
   */
  private readonly taken = new Map<string, SandboxPayment>();
  /** Refunds of the taken payments, by orderId, as the provider's side records them. */
  private readonly refunds = new Map<string, ProviderRefund[]>();
  /** When each order's payment was taken, for listPayments. */
  private readonly takenAt = new Map<string, Date>();

  constructor(private readonly appUrl: string) {}

  async startCheckout(order: CheckoutOrder): Promise<StartedCheckout> {
    return { checkoutUrl: this.checkoutUrl(order.orderId) };
  }

  /** The sandbox's "Pay" button at the provider's end: the money is taken before we hear of it. */
  takePayment(order: CheckoutOrder, now: Date): SandboxPayment {
    const payment = this.taken.get(order.orderId) ?? {
      providerPaymentId: `sandbox_${order.orderId}`,
      amount: order.amount,
      currency: order.currency,
      receiptUrl: this.checkoutUrl(order.orderId),
    };
    if (!this.taken.has(order.orderId)) this.takenAt.set(order.orderId, now);
    this.taken.set(order.orderId, payment);
    return payment;
  }

  async lookupPayment(order: PaymentLookupOrder): Promise<PaymentLookup> {
    const payment = this.taken.get(order.orderId);
    return payment ? { status: "paid", ...payment } : { status: "not-paid" };
  }

  /**
   * Returns money of a taken payment at once. The same refundId answers the first
   * refund again; more than is left of the payment is refused, as a provider refuses it.
   */
  async refundPayment(request: RefundPaymentRequest): Promise<ProviderRefund> {
    const payment = this.taken.get(request.orderId);
    if (!payment || payment.providerPaymentId !== request.providerPaymentId)
      throw refused("PAYMENT_NOT_FOUND", `The sandbox took no payment ${request.providerPaymentId}.`);
    const refunds = this.refunds.get(request.orderId) ?? [];
    const earlier = refunds.find((refund) => refund.refundId === request.refundId);
    if (earlier) {
      if (earlier.amount !== request.amount)
        throw refused("IDEMPOTENCY_KEY_REUSED", `Refund ${request.refundId} was asked before for another amount.`);
      return { ...earlier };
    }
    const refunded = refunds.reduce((sum, refund) => sum + refund.amount, 0);
    if (!Number.isInteger(request.amount) || request.amount <= 0 || refunded + request.amount > payment.amount)
      throw refused(
        "AMOUNT_EXCEEDS_REMAINING",
        `Refund ${request.refundId} of ${request.amount} exceeds the ${payment.amount - refunded} left of ${payment.providerPaymentId}.`,
      );
    const refund: ProviderRefund = {
      providerRefundId: `sandbox_refund_${request.refundId}`,
      amount: request.amount,
      currency: payment.currency,
      status: "succeeded",
      refundId: request.refundId,
    };
    this.refunds.set(request.orderId, [...refunds, refund]);
    return { ...refund };
  }

  async listRefunds({ orderId }: { orderId: string; providerPaymentId: string }): Promise<ProviderRefund[]> {
    return (this.refunds.get(orderId) ?? []).map((refund) => ({ ...refund }));
  }

  async *listPayments(period: PaymentPeriod): AsyncIterable<ProviderPayment> {
    for (const [orderId, payment] of this.taken) {
      const takenAt = this.takenAt.get(orderId)!;
      if (takenAt < period.from || takenAt >= period.to) continue;
      const { providerPaymentId, amount, currency } = payment;
      const refundedAmount = (this.refunds.get(orderId) ?? []).reduce((sum, refund) => sum + refund.amount, 0);
      yield { orderId, providerPaymentId, amount, currency, status: "paid", refundedAmount };
    }
  }

  private checkoutUrl(orderId: string): string {
    return new URL(`/checkout/sandbox/${encodeURIComponent(orderId)}`, this.appUrl).toString();
  }
}

function refused(providerCode: string, diagnostic: string): AppError {
  return new AppError("PROVIDER_REFUSED", "service.paymentProviderRefused", { details: { providerCode }, diagnostic });
}
