"use client";

/** The member's images, newest first, a page at a time, with open, download and delete. */
import { useTranslations } from "next-intl";
import { Link } from "@/i18n/navigation";
import { useState } from "react";
import { api } from "@/components/shared/api-client";
import type { ImageListItem } from "@/components/shared/api-types";
import { truncate } from "@/components/shared/truncate";
import { LoadMore } from "@/components/shared/load-more";
import { usePagedList } from "@/components/shared/use-paged-list";
import { ErrorAlert } from "@/components/shared/error-alert";
import { useMemberFormat } from "@/components/layout/use-member-format";
import { ImageThumbnail } from "@/components/shared/image-thumbnail";
import "./gallery.css";

/** Cards drawn while the first page loads: a screenful on a desktop, so the page does not jump when it arrives. */
const PLACEHOLDERS = 8;

interface Page {
  items: ImageListItem[];
  nextCursor: string | null;
}

const itemsOf = (page: Page) => page.items;

/**
 * How wide a card's square thumbnail is drawn (app/globals.css: .page is at most
 * 72rem with 1.25rem padding a side; .gallery fits columns of at least 16rem with
 * 1rem gaps): one column below 35.5rem, two below 52.5rem, three below 69.5rem, then
 * four of 16.625rem.
 */
const THUMBNAIL_SIZES =
  "(max-width: 35.5rem) calc(100vw - 2.5rem), (max-width: 52.5rem) calc(50vw - 1.75rem), (max-width: 69.5rem) calc(33.3vw - 1.5rem), 16.625rem";

export interface GalleryGridProps {
  retentionDays: number;
  /** As many as the server read for the first page, and as many each time after. */
  pageSize: number;
  /** The first page as the server read it, or null when the browser must ask for it. */
  initialPage: Page | null;
}

export function GalleryGrid({ retentionDays, pageSize, initialPage }: GalleryGridProps) {
  const t = useTranslations("gallery");
  const format = useMemberFormat();
  const { items, setItems, hasMore, loaded, loading, error, fail, loadMore } = usePagedList<ImageListItem, Page>({
    path: "/api/images",
    pageSize,
    itemsOf,
    initial: initialPage,
  });
  const [notice, setNotice] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<string | null>(null);

  async function remove(image: ImageListItem) {
    if (!window.confirm(t("confirmDelete", { prompt: truncate(image.prompt, 80) }))) return;
    setDeleting(image.id);
    setNotice(null);
    try {
      await api(`/api/images/${encodeURIComponent(image.id)}`, { method: "DELETE" });
      setItems((current) => current.filter((item) => item.id !== image.id));
      setNotice(t("deleted"));
    } catch (caught) {
      fail(caught);
    } finally {
      setDeleting(null);
    }
  }

  // From the server's first render on, not only once the request starts: a box drawn later would shift the page.
  const waiting = !loaded && !error;
  return (
    <>
      <p role="status" className="visually-hidden">
        {waiting ? t("loading") : (notice ?? "")}
      </p>
      <ErrorAlert message={error} />
      {waiting ? <GalleryPlaceholders /> : null}
      {loaded && items.length === 0 ? (
        <div className="empty">
          <p>{t("empty", { days: retentionDays })}</p>
          <p>
            <Link href="/generate" className="button">
              {t("createFirst")}
            </Link>
          </p>
        </div>
      ) : null}
      {items.length > 0 ? (
        <ul className="gallery">
          {items.map((image, index) => {
            const headingId = `image-${image.id}`;
            return (
              <li key={image.id}>
                <article className="gallery-card" aria-labelledby={headingId}>
                  <a href={image.url} className="thumb" tabIndex={-1} aria-hidden="true">
                    <ImageThumbnail image={image} sizes={THUMBNAIL_SIZES} alt="" first={index === 0} />
                  </a>
                  <div className="gallery-card__body">
                    <h2 id={headingId} className="gallery-card__prompt" title={image.prompt}>
                      {truncate(image.prompt, 140)}
                    </h2>
                    <p className="ai-notice">{t("aiGenerated", { model: image.modelName })}</p>
                    <p className="hint">{t("created", { size: image.size, date: format.date(image.createdAt) })}</p>
                    <p className="hint">{t("deletesOn", { date: format.date(image.expiresAt) })}</p>
                    <div className="gallery-card__actions">
                      <a href={image.url} className="button button--small button--secondary">
                        {t("open")}
                      </a>
                      <a href={`${image.url}?download`} className="button button--small button--secondary" download>
                        {t("download")}
                      </a>
                      <button
                        type="button"
                        className="button button--small button--danger"
                        onClick={() => void remove(image)}
                        disabled={deleting === image.id}
                      >
                        {t("delete")}
                      </button>
                    </div>
                  </div>
                </article>
              </li>
            );
          })}
        </ul>
      ) : null}
      <LoadMore hasMore={hasMore} loading={loading} onLoadMore={loadMore} />
    </>
  );
}

/** Cards of the same shape as the real ones, drawn while the first page loads; hidden from screen readers, which hear the status instead. */
function GalleryPlaceholders() {
  return (
    <ul className="gallery" aria-hidden="true">
      {Array.from({ length: PLACEHOLDERS }, (_, index) => (
        <li key={index}>
          <div className="gallery-card gallery-card--placeholder">
            <div className="thumb" />
            <div className="gallery-card__body">
              <span className="placeholder-line" />
              <span className="placeholder-line placeholder-line--short" />
              <span className="placeholder-line placeholder-line--short" />
              <span className="placeholder-actions" />
            </div>
          </div>
        </li>
      ))}
    </ul>
  );
}
