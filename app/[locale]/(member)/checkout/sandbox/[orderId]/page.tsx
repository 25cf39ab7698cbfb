import type { Metadata } from "next";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getTranslations } from "next-intl/server";
import { SandboxCheckout } from "@/components/points/sandbox-checkout";
import { pickMessages } from "@/lib/i18n/messages";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("points.checkout.metadata");
  return { title: t("title") };
}

export default async function SandboxCheckoutPage({ params }: { params: Promise<{ orderId: string }> }) {
  const { orderId } = await params;
  const [locale, t] = await Promise.all([getLocale(), getTranslations("points.checkout")]);
  return (
    <div className="page--narrow">
      <h1>{t("heading")}</h1>
      <p className="notice notice--warning">{t("warning")}</p>
      <NextIntlClientProvider messages={pickMessages(locale, ["common", "member", "points"])}>
        <SandboxCheckout orderId={orderId} />
      </NextIntlClientProvider>
    </div>
  );
}
