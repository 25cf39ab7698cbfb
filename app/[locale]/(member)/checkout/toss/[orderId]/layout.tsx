import type { Metadata } from "next";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { getPublicConfig } from "@/lib/config/env";
import { pickMessages } from "@/lib/i18n/messages";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("points.tossCheckout.metadata");
  return { title: t("title") };
}

/** The Toss widget page and the two pages its redirects land on: one heading, the messages they use. */
export default async function TossCheckoutLayout({ children }: { children: ReactNode }) {
  if (!getPublicConfig().tossClientKey) notFound();
  const [locale, t] = await Promise.all([getLocale(), getTranslations("points.tossCheckout")]);
  return (
    <div className="page--narrow">
      <h1>{t("heading")}</h1>
      <NextIntlClientProvider messages={pickMessages(locale, ["common", "member", "points"])}>
        {children}
      </NextIntlClientProvider>
    </div>
  );
}
