import type { Metadata, Viewport } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { hasLocale, NextIntlClientProvider } from "next-intl";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { SiteFooter } from "@/components/layout/site-footer";
import { PublicConfigProvider } from "@/components/layout/public-config";
import { CookieBanner } from "@/components/privacy/cookie-banner";
import { PolicyChangeBanner } from "@/components/privacy/policy-change-banner";
import { routing } from "@/i18n/routing";
import { getPublicConfig } from "@/lib/config/env";
import { pickMessages } from "@/lib/i18n/messages";
import { pretendard } from "../fonts";
import "../globals.css";

export async function generateMetadata({ params }: LayoutProps<"/[locale]">): Promise<Metadata> {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) return {};
  const t = await getTranslations({ locale, namespace: "common" });
  return {
    title: { default: t("metadata.title"), template: `%s · ${t("brand")}` },
    description: t("metadata.description"),
  };
}

export const viewport: Viewport = {
  colorScheme: "light dark",
};

/** The root of every page: the language comes from the first path segment (i18n/routing.ts). */
export default async function LocaleLayout({ children, params }: LayoutProps<"/[locale]">) {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) notFound();
  setRequestLocale(locale);
  // Read the configuration per request, not at build time: one build serves every deployment.
  await connection();
  const config = getPublicConfig();
  const t = await getTranslations("common");
  return (
    <html lang={locale} className={pretendard.variable}>
      <body>
        <a href="#main" className="skip-link">
          {t("skipToContent")}
        </a>
        <noscript>
          <p className="noscript">{t("noscript")}</p>
        </noscript>
        <NextIntlClientProvider messages={pickMessages(locale, ["common"])}>
          <CookieBanner />
          <PolicyChangeBanner now={new Date()} />
          <PublicConfigProvider value={config}>{children}</PublicConfigProvider>
          <SiteFooter />
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
