/** Types next-intl's keys, locales and format names: a key that English lacks does not compile. */
import type { Locale } from "@/lib/i18n/locales";
import type { FORMATS, Messages } from "@/lib/i18n/messages";

declare module "next-intl" {
  interface AppConfig {
    Locale: Locale;
    Messages: Messages;
    Formats: typeof FORMATS;
  }
}
