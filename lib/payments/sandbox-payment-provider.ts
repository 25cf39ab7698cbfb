/**
 * The sandbox provider: its own checkout page completes or cancels an order through
 * the same confirm-and-credit path as the real providers. The configuration refuses
 * it in production (lib/config/env.ts).
 */
import type { CheckoutOrder, PaymentProvider, StartedCheckout } from "./payment-provider";

export class SandboxPaymentProvider implements PaymentProvider {
  readonly id = "sandbox" as const;
  readonly currency = "KRW" as const;

  constructor(private readonly appUrl: string) {}

  async startCheckout(order: CheckoutOrder): Promise<StartedCheckout> {
    return { checkoutUrl: new URL(`/checkout/sandbox/${encodeURIComponent(order.orderId)}`, this.appUrl).toString() };
  }
}
