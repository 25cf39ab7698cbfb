import type { Metadata } from "next";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getTranslations } from "next-intl/server";
import { TossCheckoutResult } from "@/components/payments/toss-checkout-result";
import { pickMessages } from "@/lib/i18n/messages";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("points.tossCheckout.metadata");
  return { title: t("title") };
}

/** Toss's success redirect: `?paymentType&amount&orderId&paymentKey`, confirmed by our API, never trusted here. */
export default async function TossSuccessPage({
  params,
  searchParams,
}: {
  params: Promise<{ orderId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const [{ orderId }, query] = await Promise.all([params, searchParams]);
  const [locale, t] = await Promise.all([getLocale(), getTranslations("points.tossCheckout")]);
  const paymentKey = typeof query.paymentKey === "string" ? query.paymentKey : "";
  const amount = typeof query.amount === "string" ? Number(query.amount) : Number.NaN;
  return (
    <div className="page--narrow">
      <h1>{t("heading")}</h1>
      <NextIntlClientProvider messages={pickMessages(locale, ["common", "member", "points"])}>
        <TossCheckoutResult redirect={{ outcome: "success", paymentKey, orderId, amount }} />
      </NextIntlClientProvider>
    </div>
  );
}
