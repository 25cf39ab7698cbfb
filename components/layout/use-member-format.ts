"use client";

/**
 * Points, numbers and dates as member pages show them: next-intl's formatter in the
 * page's language, points with the language's plural rules, and every date in the
 * member's own time zone (the page's provider only knows the default one).
 */
import { useFormatter, useLocale, useTranslations, type DateTimeFormatOptions } from "next-intl";
import { useMemo } from "react";
import { useMember } from "./member-context";

const DATE: DateTimeFormatOptions = { dateStyle: "medium" };
const DATE_TIME: DateTimeFormatOptions = { dateStyle: "medium", timeStyle: "short" };
const DATE_FIELDS = new Set<Intl.DateTimeFormatPartTypes>(["era", "year", "month", "day", "weekday"]);

/**
 * A date and time that a narrow column breaks only between the date and the time
 * ("2026. 11. 24." / "오전 8:42"), never inside either ("2026. 11. 24. 오전" / "8:42"):
 * every space but the one after the date becomes a no-break space.
 */
function unbreakableParts(parts: Intl.DateTimeFormatPart[]): string {
  const afterDate = parts.findLastIndex((part) => DATE_FIELDS.has(part.type)) + 1;
  return parts
    .map((part, index) =>
      part.type === "literal" && index !== afterDate ? part.value.replace(/ /g, "\u00a0") : part.value,
    )
    .join("");
}

export function useMemberFormat() {
  const format = useFormatter();
  const locale = useLocale();
  const t = useTranslations("member");
  const { timeZone } = useMember();
  return useMemo(() => {
    const instant = (iso: string, options: DateTimeFormatOptions) => {
      const value = new Date(iso);
      return Number.isNaN(value.getTime()) ? iso : format.dateTime(value, { ...options, timeZone });
    };
    return {
      /** "1 point", "1,000 points"; "1,000포인트". */
      points: (count: number) => t("points", { count }),
      number: (value: number) => format.number(value),
      /** "+1,000", "-30": a movement of points. */
      signed: (value: number) => format.number(value, { signDisplay: "exceptZero" }),
      date: (iso: string) => instant(iso, DATE),
      dateTime: (iso: string) => {
        const value = new Date(iso);
        if (Number.isNaN(value.getTime())) return iso;
        return unbreakableParts(new Intl.DateTimeFormat(locale, { ...DATE_TIME, timeZone }).formatToParts(value));
      },
    };
  }, [format, locale, t, timeZone]);
}
