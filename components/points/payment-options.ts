/**
 * Which ways to pay the points page offers, in which order, and which one it
 * chooses first. Pure, so the server page decides the first choice and a test reads it.
 */
import type { Locale } from "@/lib/i18n/locales";
import type { PaymentOption } from "@/lib/pricing/get-catalog";
import type { Currency } from "@/lib/payments/payment-provider";

/** Real money first (Korea's methods, then international cards); the sandbox, a test payment, last. */
const DISPLAY_ORDER = ["toss", "stripe", "sandbox"] as const;

/** The currency a buyer reading the page in this language most likely pays in. */
const HOME_CURRENCY: Record<Locale, Currency> = { ko: "KRW", en: "USD" };

export function sortPaymentOptions(options: PaymentOption[]): PaymentOption[] {
  return [...options].sort((a, b) => DISPLAY_ORDER.indexOf(a.provider) - DISPLAY_ORDER.indexOf(b.provider));
}

/**
 * A Korean page starts on Toss, an English one on Stripe: the real provider charging
 * the page's home currency, else any real provider, else the sandbox.
 */
export function defaultPaymentOption(options: PaymentOption[], locale: Locale): PaymentOption | null {
  const sorted = sortPaymentOptions(options);
  const real = sorted.filter((option) => option.provider !== "sandbox");
  return real.find((option) => option.currency === HOME_CURRENCY[locale]) ?? real[0] ?? sorted[0] ?? null;
}
