/**
 * English-only display formats, left for the public pages (landing, mailbox) until
 * they move to next-intl's formatter as the member pages have (useMemberFormat);
 * then this file goes.
 */

const integer = new Intl.NumberFormat("en-US");
const dateTime = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short" });

export function formatPoints(value: number): string {
  return `${integer.format(value)} ${Math.abs(value) === 1 ? "point" : "points"}`;
}

export function formatDateTime(iso: string): string {
  const value = new Date(iso);
  return Number.isNaN(value.getTime()) ? iso : dateTime.format(value);
}
