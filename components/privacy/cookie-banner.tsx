/**
 * The cookie banner, on every page until the visitor chooses: the server reads the
 * choice cookie, so a visitor who has chosen gets no banner and no script for it.
 */
import { cookies } from "next/headers";
import { getLocale, getTranslations } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import { COOKIE_CONSENT_COOKIE, parseCookieChoice } from "@/lib/privacy/cookie-consent";
import { CookieChoice } from "./cookie-choice";
import { cookieChoiceTexts } from "./cookie-choice-texts";
import "./privacy.css";

export async function CookieBanner() {
  if (parseCookieChoice((await cookies()).get(COOKIE_CONSENT_COOKIE)?.value)) return null;
  const t = await getTranslations("privacy.cookieBanner");
  return (
    <section className="cookie-banner" aria-labelledby="cookie-banner-title">
      <CookieChoice variant="banner" texts={await cookieChoiceTexts()} initial={null} locale={await getLocale()}>
        <h2 id="cookie-banner-title">{t("heading")}</h2>
        <p>
          {t("body")} <Link href="/privacy#cookies">{t("policyLink")}</Link>
        </p>
      </CookieChoice>
    </section>
  );
}
