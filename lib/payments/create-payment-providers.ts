/** The payment port's factory: one adapter per provider the configuration lists. */
import type { ServerConfig } from "../config/env";
import type { PaymentProvider, PaymentProviderId } from "./payment-provider";
import { SandboxPaymentProvider } from "./sandbox-payment-provider";

export type PaymentProviders = Partial<Record<PaymentProviderId, PaymentProvider>>;

export function createPaymentProviders(config: ServerConfig): PaymentProviders {
  const providers: PaymentProviders = {};
  if (config.PAYMENT_PROVIDERS.includes("sandbox")) providers.sandbox = new SandboxPaymentProvider(config.APP_URL);
  return providers;
}
