/** The payment port's factory: one adapter per provider the configuration lists. */
import type { ServerConfig } from "../config/env";
import type { PaymentProvider, PaymentProviderId } from "./payment-provider";
import { SandboxPaymentProvider } from "./sandbox-payment-provider";
import { TossPaymentProvider } from "./toss-payment-provider";
import { TossPaymentsApi } from "./toss-payments-api";

export type PaymentProviders = Partial<Record<PaymentProviderId, PaymentProvider>>;

export function createPaymentProviders(config: ServerConfig): PaymentProviders {
  const providers: PaymentProviders = {};
  if (config.PAYMENT_PROVIDERS.includes("sandbox")) providers.sandbox = new SandboxPaymentProvider(config.APP_URL);
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
