/**
 * The languages the product speaks and how a request's language is chosen. Pure, so
 * the API, the mail templates and the pages all agree, and a test reads it directly.
 */
export const LOCALES = ["ko", "en"] as const;

export type Locale = (typeof LOCALES)[number];

/** Korea is the first market: Korean when nothing says otherwise. */
export const DEFAULT_LOCALE: Locale = "ko";

/** Dates and times show in the member's zone; this one until they tell us theirs. */
export const DEFAULT_TIME_ZONE = "Asia/Seoul";

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

/**
 * The best of our languages for an Accept-Language header (RFC 9110 §12.5.4): ranges
 * by descending weight, a language matching on its primary subtag ("en-GB" → en),
 * q=0 meaning "not this one"; the default when nothing matches.
 */
export function negotiateLocale(acceptLanguage: string | null | undefined): Locale {
  if (!acceptLanguage) return DEFAULT_LOCALE;
  const ranges = acceptLanguage
    .split(",")
    .map((part, index) => {
      const [range = "", ...parameters] = part.trim().split(";");
      const weight = parameters.map((p) => /^\s*q\s*=\s*([01](?:\.\d{0,3})?)\s*$/i.exec(p)?.[1]).find(Boolean);
      return { language: range.trim().toLowerCase().split("-")[0] ?? "", q: weight ? Number(weight) : 1, index };
    })
    .filter((range) => range.language && range.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const range of ranges) {
    if (range.language === "*") return DEFAULT_LOCALE;
    if (isLocale(range.language)) return range.language;
  }
  return DEFAULT_LOCALE;
}

/** A time zone the runtime knows (IANA name), for values that come from a browser. */
export function isTimeZone(value: unknown): value is string {
  if (typeof value !== "string" || value.length === 0 || value.length > 64) return false;
  try {
    new Intl.DateTimeFormat("en", { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

/** An address path split into its language segment and the page path after it ("/ko/points" → ko, "/points"). */
export function splitLocalePath(pathname: string): { locale: Locale | null; path: string } {
  const [, first, ...rest] = pathname.split("/");
  if (!isLocale(first)) return { locale: null, path: pathname };
  return { locale: first, path: `/${rest.join("/")}` };
}
