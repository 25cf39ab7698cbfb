/**
 * The sandbox provider: its own checkout page completes or cancels an order through
 * the same confirm-and-credit path as the real providers. The configuration refuses
 * it in production (lib/config/env.ts).
 */
import type {
  CheckoutOrder,
  Currency,
  PaymentLookup,
  PaymentLookupOrder,
  PaymentPeriod,
  PaymentProvider,
  ProviderPayment,
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

  async *listPayments(period: PaymentPeriod): AsyncIterable<ProviderPayment> {
    for (const [orderId, payment] of this.taken) {
      const takenAt = this.takenAt.get(orderId)!;
      if (takenAt < period.from || takenAt >= period.to) continue;
      const { providerPaymentId, amount, currency } = payment;
      // The sandbox gives no money back.
      yield { orderId, providerPaymentId, amount, currency, status: "paid", refundedAmount: 0 };
    }
  }

  private checkoutUrl(orderId: string): string {
    return new URL(`/checkout/sandbox/${encodeURIComponent(orderId)}`, this.appUrl).toString();
  }
}
