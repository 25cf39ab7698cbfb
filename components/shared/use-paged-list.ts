"use client";

import { useRouter } from "@/i18n/navigation";
import { useCallback, useEffect, useState } from "react";
import { api, isAbort } from "./api-client";
import { useErrorText } from "./use-error-text";
import { authRedirectFor } from "@/components/account/auth-redirect";

export interface PagedList<Item, Page> {
  items: Item[];
  setItems: (update: (current: Item[]) => Item[]) => void;
  /** The last page received, for whatever else it carries (a balance). */
  lastPage: Page | null;
  hasMore: boolean;
  loaded: boolean;
  loading: boolean;
  error: string | null;
  /** Shows an error, or sends the member to sign in when the session is gone. */
  fail: (caught: unknown) => void;
  loadMore: () => void;
}

/**
 * A list read page by page from a member API that answers `{ …, nextCursor }`, the
 * first page on mount (or as the server rendered it) and the next on loadMore. Items
 * already shown are not repeated.
 */
export function usePagedList<Item extends { id: string }, Page extends { nextCursor: string | null }>(options: {
  path: string;
  pageSize: number;
  itemsOf: (page: Page) => Item[];
  /** The first page as the server read it: shown at once, not asked for again. */
  initial?: Page | null;
}): PagedList<Item, Page> {
  const { path, pageSize, itemsOf, initial } = options;
  const router = useRouter();
  const errorText = useErrorText();
  const [items, setItems] = useState<Item[]>(() => (initial ? itemsOf(initial) : []));
  const [lastPage, setLastPage] = useState<Page | null>(initial ?? null);
  const [loaded, setLoaded] = useState(Boolean(initial));
  const [startedWithPage] = useState(Boolean(initial));
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const fail = useCallback(
    (caught: unknown) => {
      const target = authRedirectFor(caught);
      if (target) router.replace(target);
      else setError(errorText(caught));
    },
    [router, errorText],
  );

  const load = useCallback(
    async (after: string | null, signal?: AbortSignal) => {
      setLoading(true);
      setError(null);
      try {
        const query = new URLSearchParams({ limit: String(pageSize) });
        if (after) query.set("cursor", after);
        const page = await api<Page>(`${path}?${query.toString()}`, { signal });
        setItems((current) => {
          const seen = new Set(current.map((item) => item.id));
          return [...current, ...itemsOf(page).filter((item) => !seen.has(item.id))];
        });
        setLastPage(page);
        setLoaded(true);
      } catch (caught) {
        if (!isAbort(caught)) fail(caught);
      } finally {
        if (!signal?.aborted) setLoading(false);
      }
    },
    [path, pageSize, itemsOf, fail],
  );

  useEffect(() => {
    if (startedWithPage) return;
    const controller = new AbortController();
    void load(null, controller.signal);
    return () => controller.abort();
  }, [load, startedWithPage]);

  const cursor = lastPage?.nextCursor ?? null;
  return {
    items,
    setItems,
    lastPage,
    hasMore: cursor !== null,
    loaded,
    loading,
    error,
    fail,
    loadMore: () => void load(cursor),
  };
}
