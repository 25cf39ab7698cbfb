import { useFormatter, useTranslations } from "next-intl";
import type { CatalogPackage } from "@/components/shared/api-types";
import { formatMoney } from "@/components/shared/money";

/** What a points package gives and costs, as shown on the landing page and the points page. */
export function PackageSummary({ pkg }: { pkg: CatalogPackage }) {
  const t = useTranslations("points.package");
  const tMember = useTranslations("member");
  const format = useFormatter();
  return (
    <>
      <p className="package-card__points">{tMember("points", { count: pkg.points })}</p>
      <p className="package-card__bonus">
        {pkg.bonusPercent > 0 ? t("bonus", { percent: pkg.bonusPercent }) : t("noBonus")}
      </p>
      <p>{t.rich("total", { count: pkg.totalPoints, strong: (chunks) => <strong>{chunks}</strong> })}</p>
      <p className="package-card__price">
        {formatMoney(format, pkg.priceKrw, "KRW")}{" "}
        <span className="hint">({formatMoney(format, pkg.priceUsd, "USD")})</span>
      </p>
    </>
  );
}
