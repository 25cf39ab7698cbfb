/** Display formats, fixed to English so server and browser render the same text. */

const integer = new Intl.NumberFormat("en-US");
const won = new Intl.NumberFormat("en-US", { style: "currency", currency: "KRW" });
const dollars = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" });
const signed = new Intl.NumberFormat("en-US", { signDisplay: "exceptZero" });
const date = new Intl.DateTimeFormat("en-US", { dateStyle: "medium" });
const dateTime = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short" });

export function formatNumber(value: number): string {
  return integer.format(value);
}

export function formatPoints(value: number): string {
  return `${integer.format(value)} ${Math.abs(value) === 1 ? "point" : "points"}`;
}

export function formatSigned(value: number): string {
  return signed.format(value);
}

export function formatKrw(value: number): string {
  return won.format(value);
}

export function formatUsd(value: number): string {
  return dollars.format(value);
}

/** An order amount, stored in the currency's smallest unit (won, or US cents). */
export function formatMoney(amount: number, currency: "KRW" | "USD"): string {
  return currency === "KRW" ? formatKrw(amount) : formatUsd(amount / 100);
}

export function formatDate(iso: string): string {
  const value = new Date(iso);
  return Number.isNaN(value.getTime()) ? iso : date.format(value);
}

export function formatDateTime(iso: string): string {
  const value = new Date(iso);
  return Number.isNaN(value.getTime()) ? iso : dateTime.format(value);
}

/** At most `max` characters, ending in an ellipsis when cut. */
export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}
