import type { Metadata } from "next";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { TossCheckout } from "@/components/payments/toss-checkout";
import { getPublicConfig } from "@/lib/config/env";
import { pickMessages } from "@/lib/i18n/messages";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("points.tossCheckout.metadata");
  return { title: t("title") };
}

export default async function TossCheckoutPage({ params }: { params: Promise<{ orderId: string }> }) {
  const { orderId } = await params;
  const { tossClientKey } = getPublicConfig();
  if (!tossClientKey) notFound();
  const [locale, t] = await Promise.all([getLocale(), getTranslations("points.tossCheckout")]);
  return (
    <div className="page--narrow">
      <h1>{t("heading")}</h1>
      <NextIntlClientProvider messages={pickMessages(locale, ["common", "member", "points"])}>
        <TossCheckout orderId={orderId} clientKey={tossClientKey} locale={locale} />
      </NextIntlClientProvider>
    </div>
  );
}
