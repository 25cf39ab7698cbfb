/**
 * The member's language and time zone: the language of their mail, and the zone in
 * which mail shows times. Pure rules, shared by sign-up and the preferences route.
 */
import { z } from "zod";
import { errorKey } from "../errors/error-messages";
import { DEFAULT_LOCALE, DEFAULT_TIME_ZONE, isLocale, isTimeZone, LOCALES, type Locale } from "../i18n/locales";
import type { Member } from "./members";

export interface MemberPreferences {
  locale: Locale;
  /** An IANA time zone, e.g. Asia/Seoul. */
  timeZone: string;
}

export const localeInput = z
  .enum(LOCALES, { error: errorKey("validation.locale") })
  .describe("The language of the member's mail: ko or en.");

/** A zone the runtime knows, stored under its canonical name ("asia/seoul" becomes "Asia/Seoul"). */
export const timeZoneInput = z
  .string({ error: errorKey("validation.timeZone") })
  .refine(isTimeZone, { error: errorKey("validation.timeZone") })
  .transform((zone) => new Intl.DateTimeFormat("en", { timeZone: zone }).resolvedOptions().timeZone)
  .describe("The IANA time zone in which mail shows times, e.g. Asia/Seoul (the default).");

/** Members who signed up before the language and zone were stored have neither: the defaults, then. */
export function preferencesOf(member: Member): MemberPreferences {
  return {
    locale: isLocale(member.locale) ? member.locale : DEFAULT_LOCALE,
    timeZone: isTimeZone(member.timeZone) ? member.timeZone : DEFAULT_TIME_ZONE,
  };
}
