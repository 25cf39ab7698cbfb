import type { Metadata } from "next";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getTranslations } from "next-intl/server";
import { TossCheckoutResult } from "@/components/payments/toss-checkout-result";
import { pickMessages } from "@/lib/i18n/messages";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("points.tossCheckout.metadata");
  return { title: t("title") };
}

/** Toss's fail redirect: `?code&message&orderId`; Toss's message is not shown or kept, its code is. */
export default async function TossFailPage({
  params,
  searchParams,
}: {
  params: Promise<{ orderId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const [{ orderId }, query] = await Promise.all([params, searchParams]);
  const [locale, t] = await Promise.all([getLocale(), getTranslations("points.tossCheckout")]);
  const code = typeof query.code === "string" && /^[A-Z0-9_]{1,100}$/.test(query.code) ? query.code : "UNKNOWN";
  return (
    <div className="page--narrow">
      <h1>{t("heading")}</h1>
      <NextIntlClientProvider messages={pickMessages(locale, ["common", "member", "points"])}>
        <TossCheckoutResult redirect={{ outcome: "fail", orderId, code }} />
      </NextIntlClientProvider>
    </div>
  );
}
