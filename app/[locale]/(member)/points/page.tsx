import type { Metadata } from "next";
import { connection } from "next/server";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getTranslations } from "next-intl/server";
import { PointsView } from "@/components/points/points-view";
import { pickMessages } from "@/lib/i18n/messages";
import { recordDisplay } from "@/lib/pricing/display-records";
import { getCatalog } from "@/lib/pricing/get-catalog";
import { getServices } from "@/lib/services";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("points.metadata");
  return { title: t("title") };
}

export default async function PointsPage() {
  // Render per request: never touch services or read configuration while building.
  await connection();
  const services = getServices();
  const catalog = getCatalog({ services });
  await recordDisplay({ services, surface: "points", catalog });
  const [locale, t] = await Promise.all([getLocale(), getTranslations("points")]);
  return (
    <>
      <h1>{t("heading")}</h1>
      <NextIntlClientProvider messages={pickMessages(locale, ["common", "member", "points"])}>
        <PointsView packages={catalog.packages} provider={catalog.paymentProviders[0] ?? null} />
      </NextIntlClientProvider>
    </>
  );
}
