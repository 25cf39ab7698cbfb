/** What next-intl needs for each server render: the language from the address, its messages and formats, the time zone. */
import { hasLocale } from "next-intl";
import { getRequestConfig } from "next-intl/server";
import { DEFAULT_TIME_ZONE } from "@/lib/i18n/locales";
import { FORMATS, messagesFor } from "@/lib/i18n/messages";
import { routing } from "./routing";

export default getRequestConfig(async ({ requestLocale }) => {
  const requested = await requestLocale;
  const locale = hasLocale(routing.locales, requested) ? requested : routing.defaultLocale;
  return { locale, messages: messagesFor(locale), formats: FORMATS, timeZone: DEFAULT_TIME_ZONE };
});
