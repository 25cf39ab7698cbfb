import { getLocale } from "next-intl/server";
import { notFound } from "next/navigation";
import { TossCheckout } from "@/components/payments/toss-checkout";
import { getPublicConfig } from "@/lib/config/env";

export default async function TossCheckoutPage({ params }: { params: Promise<{ orderId: string }> }) {
  const clientKey = getPublicConfig().tossClientKey;
  if (!clientKey) notFound();
  const [{ orderId }, locale] = await Promise.all([params, getLocale()]);
  return <TossCheckout orderId={orderId} clientKey={clientKey} locale={locale} />;
}
