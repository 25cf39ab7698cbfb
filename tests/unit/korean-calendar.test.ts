import { describe, expect, it } from "vitest";
import { DAY_MS } from "../../lib/clock/clock";
import { latestStartOverBy, periodEnd, type CalendarPeriod } from "../../lib/clock/korean-calendar";

const end = (start: string, period: CalendarPeriod) => periodEnd(new Date(start), period).toISOString();

describe("a period's end, as Korea's Civil Act counts it on Korea's calendar", () => {
  it("does not count the first day, and ends with the last: N days from day D are over when day D+N+1 begins in Korea", () => {
    expect(end("2026-01-01T09:00:00+09:00", { kind: "days", days: 30 })).toBe(
      new Date("2026-02-01T00:00:00+09:00").toISOString(),
    );
    expect(end("2026-01-01T23:59:59+09:00", { kind: "days", days: 1 })).toBe(
      new Date("2026-01-03T00:00:00+09:00").toISOString(),
    );
  });

  it("ends a period of months with the day of the month that matches the first, or with that month's last day", () => {
    expect(end("2026-01-31T12:00:00+09:00", { kind: "months", months: 3 })).toBe(
      new Date("2026-05-01T00:00:00+09:00").toISOString(),
    );
    expect(end("2028-02-29T10:00:00+09:00", { kind: "years", years: 1 })).toBe(
      new Date("2029-03-01T00:00:00+09:00").toISOString(),
    );
    expect(end("2026-02-28T19:00:00+09:00", { kind: "years", years: 5 })).toBe(
      new Date("2031-03-01T00:00:00+09:00").toISOString(),
    );
  });

  it("dates a record by Korea's day, not UTC's: 1 March 08:00 in Seoul is still 28 February in UTC", () => {
    // Counted in UTC, this record would have been kept through 28 May only.
    expect(end("2026-02-28T23:00:00Z", { kind: "months", months: 3 })).toBe(
      new Date("2026-06-02T00:00:00+09:00").toISOString(),
    );
    expect(end("2026-02-28T23:00:00Z", { kind: "days", days: 1 })).toBe(
      new Date("2026-03-03T00:00:00+09:00").toISOString(),
    );
  });
});

describe("the latest start of a period over by now", () => {
  const periods: CalendarPeriod[] = [
    { kind: "days", days: 1 },
    { kind: "days", days: 30 },
    { kind: "days", days: 90 },
    { kind: "months", months: 1 },
    { kind: "months", months: 3 },
    { kind: "months", months: 6 },
    { kind: "years", years: 1 },
    { kind: "years", years: 5 },
  ];
  // Every 7 hours for two years, across leap day 2028-02-29, and each Korean midnight to the millisecond.
  const from = Date.parse("2027-06-01T00:00:00+09:00");
  const nows = [
    ...Array.from({ length: (2 * 365 * 24) / 7 }, (_, n) => new Date(from + n * 7 * 3_600_000)),
    ...Array.from({ length: 2 * 365 }, (_, n) => from + n * DAY_MS).flatMap((midnight) => [
      new Date(midnight - 1),
      new Date(midnight),
    ]),
  ];

  it.each(periods.map((period) => [JSON.stringify(period), period] as const))(
    "is the exact inverse of the period's end for %s: a start is over by now exactly when it is at most this",
    (_name, period) => {
      for (const now of nows) {
        const latest = latestStartOverBy(now, period);
        expect(
          periodEnd(latest, period).getTime(),
          `${now.toISOString()}: the latest start is over`,
        ).toBeLessThanOrEqual(now.getTime());
        expect(
          periodEnd(new Date(latest.getTime() + 1), period).getTime(),
          `${now.toISOString()}: a millisecond later is not`,
        ).toBeGreaterThan(now.getTime());
      }
    },
  );
});
