/**
 * Toss Payments (KRW). Checkout is our own page, which renders Toss's payment widget
 * for the stored amount; the buyer authenticates there, Toss sends the browser back
 * with a paymentKey, and the server confirms that payment through Toss's API
 * (lib/payments/confirm-toss-payment.ts). Toss never learns who the member is.
 */
import { AppError } from "../errors/app-error";
import { DEFAULT_LOCALE } from "../i18n/locales";
import type { PaymentProviders } from "./create-payment-providers";
import type { CheckoutOrder, PaymentProvider } from "./payment-provider";
import type { TossPaymentsApi } from "./toss-payments-api";

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
}

/** The Toss adapter, for the use cases that speak to Toss itself; 404 when Toss is not offered here. */
export function requireTossProvider(providers: PaymentProviders): TossPaymentProvider {
  const toss = providers.toss;
  if (!(toss instanceof TossPaymentProvider)) throw new AppError("FEATURE_DISABLED", "order.tossDisabled");
  return toss;
}
