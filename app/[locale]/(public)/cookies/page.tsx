import type { Metadata } from "next";
import { cookies } from "next/headers";
import { getLocale, getTranslations } from "next-intl/server";
import { CookieChoice } from "@/components/privacy/cookie-choice";
import { cookieChoiceTexts } from "@/components/privacy/cookie-choice-texts";
import { Link } from "@/i18n/navigation";
import { COOKIE_CONSENT_COOKIE, parseCookieChoice } from "@/lib/privacy/cookie-consent";
import "@/components/privacy/privacy.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("privacy.cookieSettings");
  return { title: t("title") };
}

/** Cookie settings: the footer and My page link here, to see and change the choice at any time. */
export default async function CookieSettingsPage() {
  const t = await getTranslations("privacy");
  const current = parseCookieChoice((await cookies()).get(COOKIE_CONSENT_COOKIE)?.value);
  const word = (allowed: boolean) => t(allowed ? "cookieSettings.allowed" : "cookieSettings.refused");
  return (
    <article className="legal-document">
      <h1>{t("cookieSettings.title")}</h1>
      <p>{t("cookieSettings.intro")}</p>
      <p className="hint">
        {current
          ? t("cookieSettings.current", {
              functional: word(current.functional),
              performance: word(current.performance),
            })
          : t("cookieSettings.noChoice")}
      </p>
      <CookieChoice variant="settings" texts={await cookieChoiceTexts()} initial={current} locale={await getLocale()} />
      <p>
        <Link href="/privacy#cookies">{t("cookieBanner.policyLink")}</Link>
      </p>
    </article>
  );
}
