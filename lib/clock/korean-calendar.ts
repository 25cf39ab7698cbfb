/**
 * Periods as Korea's Civil Act counts them, on Korea's calendar: UTC+09:00 all year
 * (Korea has kept no summer time since 1988). The day a period starts on is not counted
 * (art. 157); a period of days ends with its last day (art. 159); one of months or
 * years ends with the day before the day of its last month that corresponds to the day
 * it is counted from, or with that month's last day when it has none (art. 160).
 *
 * So a record dated on day D (in Korea), kept N days, is kept through day D+N; kept N
 * months, through day D of the month N later (that month's last day when it has no day
 * D); and it is due from the first moment of the next day, in Korea. A record dated in
 * the evening in UTC is dated the next morning in Korea: counted in UTC, a record of
 * 1 March 08:00 in Seoul (28 February in UTC) kept 3 months would have gone on 29 May
 * instead of 2 June.
 *
 * The art. 157 proviso (a period starting at midnight counts its first day) is not
 * applied: a record written at exactly 00:00:00.000 is kept one day longer, never shorter.
 */

/** Korea's offset from UTC. */
const KOREA_OFFSET_MS = 9 * 3_600_000;

export type CalendarPeriod =
  { kind: "days"; days: number } | { kind: "months"; months: number } | { kind: "years"; years: number };

/** A day of Korea's calendar: month 0-based; a day or month out of range counts on, as Date.UTC does. */
interface KoreanDay {
  year: number;
  month: number;
  day: number;
}

function koreanDayOf(at: Date): KoreanDay {
  const shifted = new Date(at.getTime() + KOREA_OFFSET_MS);
  return { year: shifted.getUTCFullYear(), month: shifted.getUTCMonth(), day: shifted.getUTCDate() };
}

/** `at` on Korea's clock, as an ISO date-time without a zone: `2026-01-31T09:00:00.000`. */
export function koreanLocalTime(at: Date): string {
  return new Date(at.getTime() + KOREA_OFFSET_MS).toISOString().slice(0, 23);
}

/** The day of `at` in Korea, as YYYY-MM-DD. */
export function koreanDate(at: Date): string {
  return koreanLocalTime(at).slice(0, 10);
}

/** The first moment of a calendar day (YYYY-MM-DD) in Korea, where policies and terms take effect. */
export function startOfKoreanDay(date: string): Date {
  return new Date(`${date}T00:00:00+09:00`);
}

function startOf({ year, month, day }: KoreanDay): Date {
  return new Date(Date.UTC(year, month, day) - KOREA_OFFSET_MS);
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
}

function monthsOf(period: CalendarPeriod): number {
  if (period.kind === "months") return period.months;
  if (period.kind === "years") return period.years * 12;
  throw new Error("A period of days has no months.");
}

/** When a period from `start` is over: the first moment, in Korea, of the day after its last day. */
export function periodEnd(start: Date, period: CalendarPeriod): Date {
  const { year, month, day } = koreanDayOf(start);
  if (period.kind === "days") return startOf({ year, month, day: day + period.days + 1 });
  const lastMonth = month + monthsOf(period);
  return startOf({ year, month: lastMonth, day: Math.min(day, daysInMonth(year, lastMonth)) + 1 });
}

/**
 * The latest start of a period that is over at `now`: periodEnd(start) <= now exactly
 * when start <= this. Such a period's last day is at most yesterday (in Korea); for
 * months, when yesterday was its month's last day, every later day of the month the
 * period back is over too (2026-01-31 with 3 months: kept on 2026-04-30, over on
 * 2026-05-01). Subtracting months from `now` instead (Date.setUTCMonth) overflows at
 * month ends: on 31 May it made records of 1 to 3 March due, 2 months and 30 days old.
 */
export function latestStartOverBy(now: Date, period: CalendarPeriod): Date {
  const today = koreanDayOf(now);
  if (period.kind === "days") return new Date(startOf({ ...today, day: today.day - period.days }).getTime() - 1);
  const yesterday = koreanDayOf(startOf({ ...today, day: today.day - 1 }));
  const firstMonth = yesterday.month - monthsOf(period);
  const daysThen = daysInMonth(yesterday.year, firstMonth);
  const lastDay =
    yesterday.day === daysInMonth(yesterday.year, yesterday.month) ? daysThen : Math.min(yesterday.day, daysThen);
  return new Date(startOf({ year: yesterday.year, month: firstMonth, day: lastDay + 1 }).getTime() - 1);
}
