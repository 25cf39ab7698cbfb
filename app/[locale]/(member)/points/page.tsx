import type { Metadata } from "next";
import { connection } from "next/server";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getTranslations } from "next-intl/server";
import { CheckoutReturn } from "@/components/points/checkout-return";
import { defaultPaymentOption, sortPaymentOptions } from "@/components/points/payment-options";
import { PointsView } from "@/components/points/points-view";
import { pickMessages } from "@/lib/i18n/messages";
import { recordDisplay } from "@/lib/pricing/display-records";
import { getCatalog } from "@/lib/pricing/get-catalog";
import { getServices } from "@/lib/services";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("points.metadata");
  return { title: t("title") };
}

interface PointsPageProps {
  /** `order` (and `checkout=canceled`): a provider's hosted checkout sent the buyer back here. */
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export default async function PointsPage({ searchParams }: PointsPageProps) {
  // Render per request: never touch services or read configuration while building.
  await connection();
  const services = getServices();
  const catalog = getCatalog({ services });
  await recordDisplay({ services, surface: "points", catalog });
  const [locale, t, query] = await Promise.all([getLocale(), getTranslations("points"), searchParams]);
  const paymentOptions = sortPaymentOptions(catalog.paymentOptions);
  const chosen = defaultPaymentOption(paymentOptions, locale);
  const returnedOrder = typeof query.order === "string" ? query.order : null;
  return (
    <>
      <h1>{t("heading")}</h1>
      <NextIntlClientProvider messages={pickMessages(locale, ["common", "member", "points"])}>
        <CheckoutReturn orderId={returnedOrder} canceled={query.checkout === "canceled"}>
          <PointsView
            packages={catalog.packages}
            paymentOptions={paymentOptions}
            defaultProvider={chosen?.provider ?? null}
          />
        </CheckoutReturn>
      </NextIntlClientProvider>
    </>
  );
}
