import { getLocale, getTranslations } from "next-intl/server";
import { COOKIE_CATEGORY_TEXTS } from "@/lib/privacy/cookie-consent";
import type { CookieChoiceTexts } from "./cookie-choice";

/**
 * The cookie choice's words, handed to the client component as props rather than as
 * a message namespace, so the banner on every page ships only these few strings. The
 * category texts are the ones a member's consent record stores.
 */
export async function cookieChoiceTexts(): Promise<CookieChoiceTexts> {
  const locale = await getLocale();
  const t = await getTranslations("privacy.cookieBanner");
  return {
    necessary: COOKIE_CATEGORY_TEXTS.necessary[locale],
    functional: COOKIE_CATEGORY_TEXTS.functional[locale],
    performance: COOKIE_CATEGORY_TEXTS.performance[locale],
    acceptAll: t("acceptAll"),
    necessaryOnly: t("necessaryOnly"),
    choose: t("choose"),
    save: t("save"),
    saved: t("saved"),
    failed: t("failed"),
  };
}
