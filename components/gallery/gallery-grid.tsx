"use client";

/** The member's images, newest first, a page at a time, with open, download and delete. */
import { Link } from "@/i18n/navigation";
import { useState } from "react";
import { api } from "@/components/shared/api-client";
import type { ImageListItem } from "@/components/shared/api-types";
import { formatDate, truncate } from "@/components/shared/format";
import { LoadMore } from "@/components/shared/load-more";
import { usePagedList } from "@/components/shared/use-paged-list";
import { ErrorAlert } from "@/components/shared/error-alert";

const PAGE_SIZE = 24;

interface Page {
  items: ImageListItem[];
  nextCursor: string | null;
}

const itemsOf = (page: Page) => page.items;

export function GalleryGrid() {
  const { items, setItems, hasMore, loaded, loading, error, fail, loadMore } = usePagedList<ImageListItem, Page>({
    path: "/api/images",
    pageSize: PAGE_SIZE,
    itemsOf,
  });
  const [notice, setNotice] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<string | null>(null);

  async function remove(image: ImageListItem) {
    if (!window.confirm(`Delete this image for good?\n\n“${truncate(image.prompt, 80)}”`)) return;
    setDeleting(image.id);
    setNotice(null);
    try {
      await api(`/api/images/${encodeURIComponent(image.id)}`, { method: "DELETE" });
      setItems((current) => current.filter((item) => item.id !== image.id));
      setNotice("Image deleted.");
    } catch (caught) {
      fail(caught);
    } finally {
      setDeleting(null);
    }
  }

  return (
    <>
      <p role="status" className="visually-hidden">
        {notice ?? ""}
      </p>
      <ErrorAlert message={error} />
      {!loaded && loading ? <p role="status">Loading your images…</p> : null}
      {loaded && items.length === 0 ? (
        <div className="empty">
          <p>No images yet. The images you generate are kept here for 90 days.</p>
          <p>
            <Link href="/generate" className="button">
              Create your first image
            </Link>
          </p>
        </div>
      ) : null}
      {items.length > 0 ? (
        <ul className="gallery">
          {items.map((image) => {
            const headingId = `image-${image.id}`;
            return (
              <li key={image.id}>
                <article className="gallery-card" aria-labelledby={headingId}>
                  <a href={image.url} className="thumb" tabIndex={-1} aria-hidden="true">
                    {/* eslint-disable-next-line @next/next/no-img-element -- private, per-member image bytes: not for the image optimiser */}
                    <img src={image.thumbnailUrl} alt="" loading="lazy" />
                  </a>
                  <div className="gallery-card__body">
                    <h2 id={headingId} className="gallery-card__prompt" title={image.prompt}>
                      {truncate(image.prompt, 140)}
                    </h2>
                    <p className="hint">
                      {image.size} · Created {formatDate(image.createdAt)}
                    </p>
                    <p className="hint">Deleted on {formatDate(image.expiresAt)}</p>
                    <div className="gallery-card__actions">
                      <a href={image.url} className="button button--small button--secondary">
                        Open
                      </a>
                      <a href={`${image.url}?download`} className="button button--small button--secondary" download>
                        Download
                      </a>
                      <button
                        type="button"
                        className="button button--small button--danger"
                        onClick={() => void remove(image)}
                        disabled={deleting === image.id}
                      >
                        Delete
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
