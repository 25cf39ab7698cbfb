"use client";

/** Balance, the points packages to buy, and the ledger of every points movement. */
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useState } from "react";
import { api, isAbort, messageOf } from "./api-client";
import type { CatalogPackage, PointEntryKind, PointEntryView } from "./api-types";
import { authRedirectFor } from "./auth-redirect";
import { formatDateTime, formatKrw, formatNumber, formatPoints, formatSigned, formatUsd } from "./format";
import { useMember } from "./member-context";

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

export function PointsView({ packages, provider }: { packages: CatalogPackage[]; provider: string | null }) {
  const router = useRouter();
  const { refresh } = useMember();
  const [balance, setBalance] = useState<number | null>(null);
  const [entries, setEntries] = useState<PointEntryView[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loaded, setLoaded] = useState(false);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [buying, setBuying] = useState<string | null>(null);
  const [buyError, setBuyError] = useState<string | null>(null);

  const fail = useCallback(
    (caught: unknown, show: (message: string) => void) => {
      const target = authRedirectFor(caught);
      if (target) router.replace(target);
      else show(messageOf(caught));
    },
    [router],
  );

  const loadPage = useCallback(
    async (after: string | null, signal?: AbortSignal) => {
      setLoading(true);
      setError(null);
      try {
        const query = new URLSearchParams({ limit: String(PAGE_SIZE) });
        if (after) query.set("cursor", after);
        const page = await api<LedgerPage>(`/api/points?${query.toString()}`, { signal });
        setBalance(page.balance);
        setEntries((current) => {
          const seen = new Set(current.map((entry) => entry.id));
          return [...current, ...page.entries.filter((entry) => !seen.has(entry.id))];
        });
        setCursor(page.nextCursor);
        setLoaded(true);
      } catch (caught) {
        if (!isAbort(caught)) fail(caught, setError);
      } finally {
        if (!signal?.aborted) setLoading(false);
      }
    },
    [fail],
  );

  useEffect(() => {
    const controller = new AbortController();
    void loadPage(null, controller.signal);
    void refresh();
    return () => controller.abort();
  }, [loadPage, refresh]);

  async function buy(pkg: CatalogPackage) {
    if (!provider) return;
    setBuying(pkg.id);
    setBuyError(null);
    try {
      const order = await api<{ orderId: string; checkoutUrl: string }>("/api/orders", { method: "POST", body: { packageId: pkg.id, provider } });
      window.location.assign(order.checkoutUrl);
    } catch (caught) {
      setBuying(null);
      fail(caught, setBuyError);
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
        {buyError ? (
          <p role="alert" className="error">
            {buyError}
          </p>
        ) : null}
        <ul className="packages">
          {packages.map((pkg) => (
            <li key={pkg.id} className="package-card">
              <p className="package-card__points">{formatPoints(pkg.points)}</p>
              <p className="package-card__bonus">{pkg.bonusPercent > 0 ? `+${pkg.bonusPercent}% bonus` : "No bonus"}</p>
              <p>
                You get <strong>{formatPoints(pkg.totalPoints)}</strong>
              </p>
              <p className="package-card__price">
                {formatKrw(pkg.priceKrw)} <span className="hint">({formatUsd(pkg.priceUsd)})</span>
              </p>
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
        {error ? (
          <p role="alert" className="error">
            {error}
          </p>
        ) : null}
        {!loaded && loading ? <p role="status">Loading…</p> : null}
        {loaded && entries.length === 0 ? <p className="empty">Nothing here yet. Every purchase, and the points your images use, will be listed here.</p> : null}
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
                    <td className={`numeric ${entry.amount < 0 ? "negative" : "positive"}`}>{formatSigned(entry.amount)}</td>
                    <td className="numeric">{formatNumber(entry.balanceAfter)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
        {cursor ? (
          <p className="load-more">
            <button type="button" className="button button--secondary" onClick={() => void loadPage(cursor)} disabled={loading}>
              Load more
            </button>
          </p>
        ) : null}
      </section>
    </>
  );
}
