"use client";

/** Balance, the points packages to buy, and the ledger of every points movement. */
import { useRouter } from "@/i18n/navigation";
import { useEffect, useState } from "react";
import { api, messageOf } from "@/components/shared/api-client";
import type { CatalogPackage, PointEntryKind, PointEntryView } from "@/components/shared/api-types";
import { authRedirectFor } from "@/components/account/auth-redirect";
import { formatDateTime, formatNumber, formatPoints, formatSigned } from "@/components/shared/format";
import { useMember } from "@/components/layout/member-context";
import { LoadMore } from "@/components/shared/load-more";
import { PackageSummary } from "./package-summary";
import { usePagedList } from "@/components/shared/use-paged-list";
import { ErrorAlert } from "@/components/shared/error-alert";

const PAGE_SIZE = 25;

const KIND_TEXT: Record<PointEntryKind, string> = {
  purchase: "Purchase",
  reserve: "Reserve",
  release: "Release",
  refund: "Refund",
  adjustment: "Adjustment",
};

interface LedgerPage {
  balance: number;
  entries: PointEntryView[];
  nextCursor: string | null;
}

const entriesOf = (page: LedgerPage) => page.entries;

export function PointsView({ packages, provider }: { packages: CatalogPackage[]; provider: string | null }) {
  const router = useRouter();
  const { refresh } = useMember();
  const {
    items: entries,
    lastPage,
    hasMore,
    loaded,
    loading,
    error,
    loadMore,
  } = usePagedList<PointEntryView, LedgerPage>({ path: "/api/points", pageSize: PAGE_SIZE, itemsOf: entriesOf });
  const balance = lastPage?.balance ?? null;
  const [buying, setBuying] = useState<string | null>(null);
  const [buyError, setBuyError] = useState<string | null>(null);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  async function buy(pkg: CatalogPackage) {
    if (!provider) return;
    setBuying(pkg.id);
    setBuyError(null);
    try {
      const order = await api<{ orderId: string; checkoutUrl: string }>("/api/orders", {
        method: "POST",
        body: { packageId: pkg.id, provider },
      });
      window.location.assign(order.checkoutUrl);
    } catch (caught) {
      setBuying(null);
      const target = authRedirectFor(caught);
      if (target) router.replace(target);
      else setBuyError(messageOf(caught));
    }
  }

  return (
    <>
      <section aria-labelledby="balance-heading" className="card balance-card">
        <h2 id="balance-heading">Balance</h2>
        <p className="balance-card__value">{balance === null ? "…" : formatPoints(balance)}</p>
      </section>

      <section aria-labelledby="packages-heading">
        <h2 id="packages-heading">Buy points</h2>
        {provider ? null : <p className="notice">Buying points is not available in this deployment right now.</p>}
        <ErrorAlert message={buyError} />
        <ul className="packages">
          {packages.map((pkg) => (
            <li key={pkg.id} className="package-card">
              <PackageSummary pkg={pkg} />
              <button
                type="button"
                className="button button--wide"
                aria-label={`Buy ${formatNumber(pkg.points)} points`}
                onClick={() => void buy(pkg)}
                disabled={!provider || buying !== null}
              >
                Buy
              </button>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="history-heading">
        <h2 id="history-heading">History</h2>
        <ErrorAlert message={error} />
        {!loaded && loading ? <p role="status">Loading…</p> : null}
        {loaded && entries.length === 0 ? (
          <p className="empty">
            Nothing here yet. Every purchase, and the points your images use, will be listed here.
          </p>
        ) : null}
        {entries.length > 0 ? (
          <div className="table-wrap" role="region" aria-label="Points history" tabIndex={0}>
            <table className="table table--scroll">
              <caption className="visually-hidden">Points history, newest first</caption>
              <thead>
                <tr>
                  <th scope="col">Date</th>
                  <th scope="col">Kind</th>
                  <th scope="col">Reason</th>
                  <th scope="col" className="numeric">
                    Amount
                  </th>
                  <th scope="col" className="numeric">
                    Balance after
                  </th>
                </tr>
              </thead>
              <tbody>
                {entries.map((entry) => (
                  <tr key={entry.id}>
                    <td className="nowrap">
                      <time dateTime={entry.createdAt}>{formatDateTime(entry.createdAt)}</time>
                    </td>
                    <td>{KIND_TEXT[entry.kind] ?? entry.kind}</td>
                    <td>{entry.reason}</td>
                    <td className={`numeric ${entry.amount < 0 ? "negative" : "positive"}`}>
                      {formatSigned(entry.amount)}
                    </td>
                    <td className="numeric">{formatNumber(entry.balanceAfter)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
        <LoadMore hasMore={hasMore} loading={loading} onLoadMore={loadMore} />
      </section>
    </>
  );
}
