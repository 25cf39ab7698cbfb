import type { CatalogPackage } from "@/components/shared/api-types";
import { formatKrw, formatPoints, formatUsd } from "@/components/shared/format";

/** What a points package gives and costs, as shown on the landing page and the points page. */
export function PackageSummary({ pkg }: { pkg: CatalogPackage }) {
  return (
    <>
      <p className="package-card__points">{formatPoints(pkg.points)}</p>
      <p className="package-card__bonus">{pkg.bonusPercent > 0 ? `+${pkg.bonusPercent}% bonus` : "No bonus"}</p>
      <p>
        You get <strong>{formatPoints(pkg.totalPoints)}</strong>
      </p>
      <p className="package-card__price">
        {formatKrw(pkg.priceKrw)} <span className="hint">({formatUsd(pkg.priceUsd)})</span>
      </p>
    </>
  );
}
