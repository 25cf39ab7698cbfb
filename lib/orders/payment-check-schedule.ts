/**
 * When the sweep re-reads an unpaid order from its provider before it expires, so a
 * payment whose webhook was lost, or whose buyer closed the browser before our confirm
 * ran, becomes points within minutes rather than at expiry. Pure: no I/O.
 *
 * 5 minutes: most buyers finish a checkout by then, and Toss drops an authentication
 * not confirmed within 10. 15: a second look, for a provider that reports late.
 * Then hourly: a virtual account waits days for its deposit, and an hour is a fair
 * delay for a deposit whose webhook was lost, at one request an hour per open order.
 */
export const EARLY_CHECK_MINUTES = [5, 15] as const;
export const LATER_CHECK_EVERY_MINUTES = 60;

const MINUTE = 60_000;

/**
 * The first scheduled re-read after `after`, counted from the order's creation. It does
 * not stop at expiresAt: a Toss order becomes a virtual account with a later due date
 * after its first checks, and the sweep only reads orders still unpaid.
 */
export function nextPaymentCheckAt(createdAt: string, after: Date): string {
  const created = Date.parse(createdAt);
  const elapsed = after.getTime() - created;
  const early = EARLY_CHECK_MINUTES.find((minutes) => minutes * MINUTE > elapsed);
  const minutes = early ?? (Math.floor(elapsed / (LATER_CHECK_EVERY_MINUTES * MINUTE)) + 1) * LATER_CHECK_EVERY_MINUTES;
  return new Date(created + minutes * MINUTE).toISOString();
}
