/**
 * How the language shows in addresses: always as the first path segment (/ko/…,
 * /en/…), so a shared link keeps its language and choosing one sets no cookie. An
 * address without one is sent to the visitor's language (Accept-Language), Korean
 * when nothing matches.
 */
import { defineRouting } from "next-intl/routing";
import { DEFAULT_LOCALE, LOCALES } from "@/lib/i18n/locales";

export const routing = defineRouting({
  locales: LOCALES,
  defaultLocale: DEFAULT_LOCALE,
  localePrefix: "always",
  // The language is in the address; a cookie would need the consent a later issue adds.
  localeCookie: false,
});
