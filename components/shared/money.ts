import type { useFormatter } from "next-intl";
import type { Currency } from "@/lib/payments/payment-provider";

type NumberFormatter = Pick<ReturnType<typeof useFormatter>, "number">;

/**
 * A price as Intl writes it in the page's language: ₩15,000, $10.00. The narrow
 * symbol, because Korean's standard one for dollars is "US$".
 */
export function formatMoney(format: NumberFormatter, value: number, currency: Currency): string {
  return format.number(value, { style: "currency", currency, currencyDisplay: "narrowSymbol" });
}

/** Orders store amounts in the currency's smallest unit: won, or US cents. */
export function fromMinorUnits(amount: number, currency: Currency): number {
  return currency === "USD" ? amount / 100 : amount;
}
