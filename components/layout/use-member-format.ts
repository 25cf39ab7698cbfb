"use client";

/**
 * Points, numbers and dates as member pages show them: next-intl's formatter in the
 * page's language, points with the language's plural rules, and every date in the
 * member's own time zone (the page's provider only knows the default one).
 */
import { useFormatter, useTranslations, type DateTimeFormatOptions } from "next-intl";
import { useMemo } from "react";
import { useMember } from "./member-context";

const DATE: DateTimeFormatOptions = { dateStyle: "medium" };
const DATE_TIME: DateTimeFormatOptions = { dateStyle: "medium", timeStyle: "short" };

export function useMemberFormat() {
  const format = useFormatter();
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
      dateTime: (iso: string) => instant(iso, DATE_TIME),
    };
  }, [format, t, timeZone]);
}
