import type { Currency } from "../../payments/payment-provider";

/** A price as Intl writes it in the recipient's language: ₩15,000, $10.00 (the narrow symbol, as the points page shows it). */
export function formatAmount(locale: string, amount: number, currency: Currency): string {
  const value = currency === "USD" ? amount / 100 : amount;
  return new Intl.NumberFormat(locale, { style: "currency", currency, currencyDisplay: "narrowSymbol" }).format(value);
}
