"use client";

/**
 * A generation's live progress. The server-sent event stream pushes each change; if
 * the stream ends or breaks, the browser reconnects it; if it is refused (the server
 * limits open streams), the page asks instead: every second after a change, backing
 * off to every ten seconds while nothing changes, so a page that could not get a
 * stream costs little more than one.
 */
import { useTranslations } from "next-intl";
import { Link, useRouter } from "@/i18n/navigation";
import { useEffect, useState } from "react";
import { api, ApiError, isAbort } from "@/components/shared/api-client";
import { isFinished, type GenerationView } from "@/components/shared/api-types";
import { authRedirectFor } from "@/components/account/auth-redirect";
import { truncate } from "@/components/shared/truncate";
import { useMember } from "@/components/layout/member-context";
import { useMemberFormat } from "@/components/layout/use-member-format";
import { useErrorText } from "@/components/shared/use-error-text";
import { CancelGeneration } from "./cancel-generation";
import { ErrorAlert } from "@/components/shared/error-alert";
import { ImageThumbnail } from "@/components/shared/image-thumbnail";

/**
 * How wide an image's square thumbnail is drawn (app/globals.css: .page is at most
 * 72rem with 1.25rem padding a side; .image-grid fits columns of at least 12rem with
 * 1rem gaps): one column below 27.5rem, then two, three and four up to 66.5rem, then
 * five of 13.1rem.
 */
const THUMBNAIL_SIZES =
  "(max-width: 27.5rem) calc(100vw - 2.5rem), (max-width: 40.5rem) calc(50vw - 1.75rem), (max-width: 53.5rem) calc(33.3vw - 1.5rem), (max-width: 66.5rem) calc(25vw - 1.4rem), 13.1rem";

/** Error codes the member can act on, explained in words (`progress.failedReason`); others show only the code. */
const REASONED_ERROR_CODES: ReadonlySet<string> = new Set([
  "prompt_refused",
  "model_unavailable",
  "input_refused",
  "provider_unavailable",
  "provider_timeout",
]);

const POLL_MIN_MS = 1000;
const POLL_MAX_MS = 10_000;

export function GenerationProgress({ id, modelNames }: { id: string; modelNames: Record<string, string> }) {
  const t = useTranslations("generate.progress");
  const tMember = useTranslations("member");
  const format = useMemberFormat();
  const router = useRouter();
  const errorText = useErrorText();
  const { refresh } = useMember();
  const [view, setView] = useState<GenerationView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [gone, setGone] = useState(false);

  useEffect(() => {
    const path = `/api/generations/${encodeURIComponent(id)}`;
    const controller = new AbortController();
    let closed = false;
    let source: EventSource | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let delay = POLL_MIN_MS;
    let lastSeen = "";

    const stop = () => {
      closed = true;
      source?.close();
      source = null;
      clearTimeout(timer);
    };
    const accept = (next: GenerationView) => {
      setView(next);
      setError(null);
      if (isFinished(next.status)) {
        stop();
        // Settling moved points: show the new balance in the header.
        void refresh();
      }
    };
    const poll = async () => {
      if (closed) return;
      try {
        const next = await api<GenerationView>(path, { signal: controller.signal });
        const seen = JSON.stringify(next);
        delay = seen === lastSeen ? Math.min(delay * 2, POLL_MAX_MS) : POLL_MIN_MS;
        lastSeen = seen;
        accept(next);
      } catch (caught) {
        if (isAbort(caught)) return;
        const target = authRedirectFor(caught);
        if (target) {
          stop();
          router.replace(target);
          return;
        }
        if (caught instanceof ApiError && caught.status === 404) {
          stop();
          setGone(true);
          return;
        }
        setError(t("retrying", { message: errorText(caught) }));
        delay = Math.min(delay * 2, POLL_MAX_MS);
      }
      if (!closed) timer = setTimeout(() => void poll(), delay);
    };

    if (typeof EventSource === "undefined") {
      void poll();
    } else {
      source = new EventSource(`${path}/events`);
      source.addEventListener("generation", (event: MessageEvent<string>) => {
        try {
          accept(JSON.parse(event.data) as GenerationView);
        } catch {
          // A malformed event is skipped; the next one carries the whole state again.
        }
      });
      // The generation is gone (deleted, or never the member's).
      source.addEventListener("gone", () => {
        stop();
        setGone(true);
      });
      // The browser reconnects a stream that ended or broke by itself (CONNECTING);
      // one it will not retry (refused, e.g. 429 past the stream limit) is CLOSED:
      // carry on by polling.
      source.addEventListener("error", () => {
        if (closed || source?.readyState !== EventSource.CLOSED) return;
        source = null;
        void poll();
      });
    }
    return () => {
      stop();
      controller.abort();
    };
  }, [id, refresh, router, t, errorText]);

  if (gone) {
    return (
      <p role="alert" className="error">
        {t.rich("gone", { link: (chunks) => <Link href="/generate">{chunks}</Link> })}
      </p>
    );
  }
  if (!view) {
    return (
      <>
        <p role="status">{tMember("loading")}</p>
        <ErrorAlert message={error} />
      </>
    );
  }

  const finished = isFinished(view.status);
  const settled = view.imagesDone + view.imagesFailed;
  const percent = view.count > 0 ? Math.round((settled / view.count) * 100) : 0;
  const charged = view.pointsCharged ?? 0;
  const released = finished ? Math.max(view.pointsReserved - charged, 0) : 0;

  return (
    <div className="generation">
      <section aria-labelledby="request-heading" className="card">
        <h2 id="request-heading">{t("request")}</h2>
        <blockquote className="prompt">{view.prompt}</blockquote>
        <dl className="facts">
          <div>
            <dt>{t("model")}</dt>
            <dd>{modelNames[view.model] ?? view.model}</dd>
          </div>
          <div>
            <dt>{t("size")}</dt>
            <dd>{view.size}</dd>
          </div>
          <div>
            <dt>{t("images")}</dt>
            <dd>{format.number(view.count)}</dd>
          </div>
          <div>
            <dt>{t("submitted")}</dt>
            <dd>
              <time dateTime={view.createdAt}>{format.dateTime(view.createdAt)}</time>
            </dd>
          </div>
        </dl>
      </section>

      <section aria-labelledby="progress-heading" className="card">
        <h2 id="progress-heading">{t("progressHeading")}</h2>
        <p role="status" className={`status status--${view.status}`}>
          {t("summary", {
            status: t(`status.${view.errorCode === "canceled" ? "stopped" : view.status}`),
            done: view.imagesDone,
            count: view.count,
            failed: view.imagesFailed,
          })}
        </p>
        <div
          className="progress"
          role="progressbar"
          aria-label={t("barLabel")}
          aria-valuemin={0}
          aria-valuemax={view.count}
          aria-valuenow={settled}
          aria-valuetext={t("barValue", { settled, count: view.count })}
        >
          <div className="progress__bar" style={{ width: `${percent}%` }} />
        </div>
        <ErrorAlert message={error} />
        {finished ? (
          <dl className="facts">
            <div>
              <dt>{t("reserved")}</dt>
              <dd>{format.points(view.pointsReserved)}</dd>
            </div>
            <div>
              <dt>{t("charged")}</dt>
              <dd>{format.points(charged)}</dd>
            </div>
            <div>
              <dt>{t("released")}</dt>
              <dd>{format.points(released)}</dd>
            </div>
          </dl>
        ) : (
          <p className="hint">{t("held", { count: view.pointsReserved })}</p>
        )}
        {view.status === "partial" && view.errorCode && REASONED_ERROR_CODES.has(view.errorCode) ? (
          <p className="notice">{t("failedReason", { code: view.errorCode })}</p>
        ) : null}
        {view.status === "failed" ? (
          view.errorCode === "canceled" ? (
            <p className="notice">{t("stopped")}</p>
          ) : (
            <div role="alert" className="error">
              <p>{t("failed")}</p>
              {view.errorCode && REASONED_ERROR_CODES.has(view.errorCode) ? (
                <p>{t("failedReason", { code: view.errorCode })}</p>
              ) : null}
              {view.errorCode ? <p className="hint">{t("failedCode", { code: view.errorCode })}</p> : null}
            </div>
          )
        ) : null}
        {!finished ? <CancelGeneration id={view.id} /> : null}
      </section>

      <section aria-labelledby="images-heading">
        <h2 id="images-heading">{t("imagesHeading")}</h2>
        <p className="ai-notice">{t("aiNotice", { model: modelNames[view.model] ?? view.model })}</p>
        {view.images.length === 0 ? (
          <p className="hint">{finished ? t("noImages") : t("pending")}</p>
        ) : (
          <ul className="image-grid">
            {view.images.map((image, index) => (
              <li key={image.id}>
                <a href={image.url} className="thumb">
                  <ImageThumbnail
                    image={image}
                    sizes={THUMBNAIL_SIZES}
                    alt={t("imageAlt", { number: index + 1, prompt: truncate(view.prompt, 120) })}
                  />
                </a>
              </li>
            ))}
          </ul>
        )}
        {finished && view.images.length > 0 ? (
          <p className="actions">
            <a className="button" href={`/api/generations/${encodeURIComponent(view.id)}/zip`} download>
              {t("downloadAll")}
            </a>
            <Link href="/gallery">{t("gallery")}</Link>
            <Link href="/generate">{t("more")}</Link>
          </p>
        ) : null}
      </section>
    </div>
  );
}
