"use client";

/**
 * The language switch on every page: links to this same page in each language, so
 * it works without JavaScript and sets no cookie. `onChoose` lets a signed-in page
 * remember the choice on the member, so mail goes out in it too.
 */
import { useSearchParams } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { Link, usePathname } from "@/i18n/navigation";
import { LOCALES, type Locale } from "@/lib/i18n/locales";
import "./locale-switch.css";

export function LocaleSwitch({ onChoose }: { onChoose?: (locale: Locale) => void }) {
  const t = useTranslations("common.localeSwitch");
  const current = useLocale();
  const pathname = usePathname();
  const search = useSearchParams().toString();
  const href = search ? `${pathname}?${search}` : pathname;
  return (
    <nav aria-label={t("label")} className="locale-switch">
      <ul>
        {LOCALES.map((locale) => (
          <li key={locale}>
            {locale === current ? (
              <span aria-current="true" lang={locale}>
                {t(locale)}
              </span>
            ) : (
              <Link href={href} locale={locale} lang={locale} hrefLang={locale} onClick={() => onChoose?.(locale)}>
                {t(locale)}
              </Link>
            )}
          </li>
        ))}
      </ul>
    </nav>
  );
}
