/**
 * The contract of the PaymentProvider port (lib/payments/payment-provider.ts), run
 * against every adapter: a checkout for a stored order is an absolute http(s) URL
 * that carries nothing secret, in the provider's own currency.
 */
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { CheckoutOrder, PaymentProvider } from "../../../lib/payments/payment-provider";

export interface PaymentProviderContractSetup {
  open(): Promise<PaymentProvider>;
  /** Values that must never appear in a checkout URL (API keys, webhook secrets). */
  secrets?: string[];
}

const SECRET_PARAM = /secret|password|passwd|api[-_]?key|private|token|signature|credential/i;

export function describePaymentProviderContract(adapterName: string, setup: PaymentProviderContractSetup): void {
  describe(`PaymentProvider contract: ${adapterName}`, () => {
    let provider: PaymentProvider;

    beforeAll(async () => {
      provider = await setup.open();
    });

    function order(): CheckoutOrder {
      return {
        orderId: randomUUID(),
        amount: provider.currency === "KRW" ? 15_000 : 1_000,
        currency: provider.currency,
        description: "1,000 points",
      };
    }

    it("names itself and charges in KRW or USD", () => {
      expect(provider.id).toMatch(/^[a-z][a-z0-9-]*$/);
      expect(["KRW", "USD"]).toContain(provider.currency);
    });

    it("answers a checkout with an absolute http or https URL", async () => {
      const { checkoutUrl } = await provider.startCheckout(order());
      const url = new URL(checkoutUrl);
      expect(["https:", "http:"]).toContain(url.protocol);
      expect(url.host).not.toBe("");
      expect(url.toString()).toBe(checkoutUrl);
    });

    it("puts nothing secret in the checkout URL", async () => {
      const { checkoutUrl } = await provider.startCheckout(order());
      const url = new URL(checkoutUrl);
      expect(url.username).toBe("");
      expect(url.password).toBe("");
      for (const [name] of url.searchParams) expect(name).not.toMatch(SECRET_PARAM);
      for (const secret of setup.secrets ?? []) expect(checkoutUrl).not.toContain(secret);
    });

    it("gives every order its own checkout", async () => {
      const urls = await Promise.all(Array.from({ length: 5 }, () => provider.startCheckout(order())));
      expect(new Set(urls.map((u) => u.checkoutUrl)).size).toBe(5);
    });
  });
}
