/** The payment port's factory: one adapter per provider the configuration lists. */
import type { ServerConfig } from "../config/env";
import type { PaymentProvider, PaymentProviderId } from "./payment-provider";
import { SandboxPaymentProvider } from "./sandbox-payment-provider";
import type { StripeCheckout } from "./stripe/stripe-checkout";
import { StripePaymentProvider } from "./stripe/stripe-payment-provider";
import { TossPaymentProvider } from "./toss-payment-provider";
import { TossPaymentsApi } from "./toss-payments-api";

export type PaymentProviders = Partial<Record<PaymentProviderId, PaymentProvider>> & { stripe?: StripeCheckout };

export function createPaymentProviders(config: ServerConfig): PaymentProviders {
  const providers: PaymentProviders = {};
  if (config.PAYMENT_PROVIDERS.includes("sandbox")) providers.sandbox = new SandboxPaymentProvider(config.APP_URL);
  if (config.PAYMENT_PROVIDERS.includes("stripe")) {
    // The configuration refuses stripe without both (lib/config/env.ts).
    if (!config.STRIPE_SECRET_KEY || !config.STRIPE_WEBHOOK_SECRET) throw new Error("Stripe is not configured.");
    providers.stripe = new StripePaymentProvider({
      secretKey: config.STRIPE_SECRET_KEY,
      webhookSecret: config.STRIPE_WEBHOOK_SECRET,
      apiBaseUrl: config.STRIPE_API_BASE_URL,
      appUrl: config.APP_URL,
    });
  }
  if (config.PAYMENT_PROVIDERS.includes("toss")) {
    // The configuration refuses toss without its keys (lib/config/env.ts).
    const api = new TossPaymentsApi({
      secretKey: config.TOSS_SECRET_KEY ?? "",
      baseUrl: config.TOSS_API_BASE_URL,
      timeoutMs: config.TOSS_TIMEOUT_MS,
    });
    providers.toss = new TossPaymentProvider(config.APP_URL, api);
  }
  return providers;
}
