"use client";

/** Balance, the points packages to buy, and the ledger of every points movement. */
import { useLocale, useTranslations } from "next-intl";
import { Link, useRouter } from "@/i18n/navigation";
import { useEffect, useRef, useState } from "react";
import { api } from "@/components/shared/api-client";
import type { CatalogPackage, PointEntryView } from "@/components/shared/api-types";
import { authRedirectFor } from "@/components/account/auth-redirect";
import { useMember } from "@/components/layout/member-context";
import { useMemberFormat } from "@/components/layout/use-member-format";
import { LoadMore } from "@/components/shared/load-more";
import { usePagedList } from "@/components/shared/use-paged-list";
import { ErrorAlert } from "@/components/shared/error-alert";
import { useErrorText } from "@/components/shared/use-error-text";
import { newIdempotencyKey } from "@/components/shared/idempotency-key";
import { splitLocalePath } from "@/lib/i18n/locales";
import type { PaymentProviderId } from "@/lib/payments/payment-provider";
import type { PaymentOption } from "@/lib/pricing/get-catalog";
import { OrderHistory } from "./order-history";
import { PackageSummary } from "./package-summary";
import { PaymentChoice } from "./payment-choice";
import "./points.css";

const PAGE_SIZE = 25;

interface LedgerPage {
  balance: number;
  entries: PointEntryView[];
  nextCursor: string | null;
}

const entriesOf = (page: LedgerPage) => page.entries;

export function PointsView({
  packages,
  paymentOptions,
  defaultProvider,
}: {
  packages: CatalogPackage[];
  /** In the order the page shows them. */
  paymentOptions: PaymentOption[];
  defaultProvider: PaymentProviderId | null;
}) {
  const t = useTranslations("points");
  const locale = useLocale();
  const tMember = useTranslations("member");
  const format = useMemberFormat();
  const router = useRouter();
  const errorText = useErrorText();
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
  const [provider, setProvider] = useState(defaultProvider);
  const currency = paymentOptions.find((option) => option.provider === provider)?.currency ?? null;
  const [buying, setBuying] = useState<string | null>(null);
  const [buyError, setBuyError] = useState<string | null>(null);
  /** A retry of the same package and provider after a lost answer reuses its key, so it cannot open a second order. */
  const attempt = useRef<{ packageId: string; provider: PaymentProviderId; key: string } | null>(null);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  // Back from a checkout, the browser may restore this page as it was left: buying.
  useEffect(() => {
    const restored = (event: PageTransitionEvent) => {
      if (event.persisted) setBuying(null);
    };
    window.addEventListener("pageshow", restored);
    return () => window.removeEventListener("pageshow", restored);
  }, []);

  /**
   * A checkout is loaded as a whole page, never through the router: each one sends its
   * own Content-Security-Policy (Toss's widget page allows Toss's script; this page
   * does not). Our own checkout pages are given in the page's language, the server
   * naming them with one or without; a provider's page elsewhere is left as it is.
   */
  function goToCheckout(checkoutUrl: string) {
    const target = new URL(checkoutUrl, window.location.href);
    if (target.origin === window.location.origin)
      target.pathname = `/${locale}${splitLocalePath(target.pathname).path}`;
    window.location.assign(target.href);
  }

  async function buy(pkg: CatalogPackage) {
    if (!provider) return;
    setBuying(pkg.id);
    setBuyError(null);
    if (attempt.current?.packageId !== pkg.id || attempt.current.provider !== provider)
      attempt.current = { packageId: pkg.id, provider, key: newIdempotencyKey() };
    try {
      const order = await api<{ orderId: string; checkoutUrl: string }>("/api/orders", {
        method: "POST",
        body: { packageId: pkg.id, provider },
        headers: { "Idempotency-Key": attempt.current.key },
      });
      attempt.current = null;
      goToCheckout(order.checkoutUrl);
    } catch (caught) {
      setBuying(null);
      const target = authRedirectFor(caught);
      if (target) router.replace(target);
      else setBuyError(errorText(caught));
    }
  }

  return (
    <>
      <section aria-labelledby="balance-heading" className="card balance-card">
        <h2 id="balance-heading">{t("balanceHeading")}</h2>
        <p className="balance-card__value">{balance === null ? "…" : format.points(balance)}</p>
      </section>

      <section aria-labelledby="packages-heading">
        <h2 id="packages-heading">{t("buyHeading")}</h2>
        {provider ? null : <p className="notice">{t("unavailable")}</p>}
        {paymentOptions.length > 0 ? (
          <PaymentChoice options={paymentOptions} value={provider} onChange={setProvider} disabled={buying !== null} />
        ) : null}
        <ErrorAlert message={buyError} />
        <ul className="packages">
          {packages.map((pkg) => (
            <li key={pkg.id} className="package-card">
              <PackageSummary pkg={pkg} currency={currency} />
              <button
                type="button"
                className="button button--wide"
                aria-label={t("buyLabel", { count: pkg.points })}
                onClick={() => void buy(pkg)}
                disabled={!provider || buying !== null}
              >
                {t("buy")}
              </button>
            </li>
          ))}
        </ul>
      </section>

      <OrderHistory />

      <section aria-labelledby="history-heading">
        <h2 id="history-heading">{t("history.heading")}</h2>
        <ErrorAlert message={error} />
        {!loaded && !error ? <p role="status">{tMember("loading")}</p> : null}
        {loaded && entries.length === 0 ? <p className="empty">{t("history.empty")}</p> : null}
        {entries.length > 0 ? (
          <div className="table-wrap" role="region" aria-label={t("history.region")} tabIndex={0}>
            {/* Explicit roles: on a phone the rows are laid out as cards, and some browsers drop a table's semantics with its display. */}
            <table className="table ledger" role="table">
              <caption className="visually-hidden">{t("history.caption")}</caption>
              <thead role="rowgroup">
                <tr role="row">
                  <th scope="col" role="columnheader">
                    {t("history.date")}
                  </th>
                  <th scope="col" role="columnheader">
                    {t("history.kind")}
                  </th>
                  <th scope="col" role="columnheader">
                    {t("history.details")}
                  </th>
                  <th scope="col" role="columnheader" className="numeric">
                    {t("history.amount")}
                  </th>
                  <th scope="col" role="columnheader" className="numeric">
                    {t("history.balanceAfter")}
                  </th>
                </tr>
              </thead>
              <tbody role="rowgroup">
                {entries.map((entry) => (
                  <tr key={entry.id} role="row">
                    <td role="cell" className="ledger__date">
                      <time dateTime={entry.createdAt}>{format.dateTime(entry.createdAt)}</time>
                    </td>
                    <td role="cell" className="ledger__kind">
                      {t(`history.kinds.${entry.kind}`)}
                    </td>
                    <td role="cell" className="ledger__details">
                      <EntryDetails entry={entry} />
                    </td>
                    <td role="cell" className={`numeric ledger__amount ${entry.amount < 0 ? "negative" : "positive"}`}>
                      {format.signed(entry.amount)}
                    </td>
                    <td role="cell" className="numeric ledger__balance">
                      <span className="ledger__label" aria-hidden="true">
                        {t("history.balanceAfter")}{" "}
                      </span>
                      {format.number(entry.balanceAfter)}
                    </td>
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

/**
 * What a movement was for, in the page's language. The ledger's own `reason` was
 * written once, in English, when the points moved; only a staff adjustment, which
 * has nothing else to say, shows it.
 */
function EntryDetails({ entry }: { entry: PointEntryView }) {
  const t = useTranslations("points.history");
  if (entry.generationId && (entry.kind === "reserve" || entry.kind === "release")) {
    return <Link href={`/generations/${encodeURIComponent(entry.generationId)}`}>{t("generation")}</Link>;
  }
  if (entry.orderId) return <>{t("order", { order: entry.orderId.slice(0, 8) })}</>;
  if (entry.kind === "welcome") return <>{t("welcome")}</>;
  return <>{entry.reason}</>;
}
