import { useFormatter, useTranslations } from "next-intl";
import type { CatalogPackage } from "@/components/shared/api-types";
import { formatMoney } from "@/components/shared/money";
import type { Currency } from "@/lib/payments/payment-provider";

/**
 * What a points package gives and costs. Priced in the currency of the chosen way to
 * pay, which is what the buyer will be charged; in both when none is chosen.
 */
export function PackageSummary({ pkg, currency }: { pkg: CatalogPackage; currency: Currency | null }) {
  const t = useTranslations("points.package");
  const tMember = useTranslations("member");
  const format = useFormatter();
  const krw = formatMoney(format, pkg.priceKrw, "KRW");
  const usd = formatMoney(format, pkg.priceUsd, "USD");
  return (
    <>
      <p className="package-card__points">{tMember("points", { count: pkg.points })}</p>
      <p className="package-card__bonus">
        {pkg.bonusPercent > 0 ? t("bonus", { percent: pkg.bonusPercent }) : t("noBonus")}
      </p>
      <p>{t.rich("total", { count: pkg.totalPoints, strong: (chunks) => <strong>{chunks}</strong> })}</p>
      <p className="package-card__price">{currency === "KRW" ? krw : currency === "USD" ? usd : `${krw} (${usd})`}</p>
    </>
  );
}
