"use client";

import { useTranslations } from "next-intl";

/** The button under a paged list; shown while more pages follow. */
export function LoadMore({
  hasMore,
  loading,
  onLoadMore,
}: {
  hasMore: boolean;
  loading: boolean;
  onLoadMore: () => void;
}) {
  const t = useTranslations("member");
  if (!hasMore) return null;
  return (
    <p className="load-more">
      <button type="button" className="button button--secondary" onClick={onLoadMore} disabled={loading}>
        {t("loadMore")}
      </button>
    </p>
  );
}
