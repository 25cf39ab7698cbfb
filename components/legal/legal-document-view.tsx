/**
 * One version of a legal text (terms, refund policy) in the page's language: its
 * version and effective date, whether it is in effect, superseded or still to come (and,
 * on the version in effect, the change announced to replace it), a translation's note with the
 * way to the Korean original, its articles, and every version of the document.
 */
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import { startOfKoreanDay } from "@/lib/clock/korean-calendar";
import { getPublicConfig } from "@/lib/config/env";
import {
  announcedVersion,
  AUTHORITATIVE_LOCALE,
  currentVersion,
  fillPlaceholders,
  type LegalDocument,
  type LegalDocumentVersion,
} from "@/lib/legal/legal-document";
import "./legal.css";

export interface LegalDocumentViewProps {
  document: LegalDocument;
  version: LegalDocumentVersion;
  /** The document's address without language or version: "/terms", "/refund-policy". */
  basePath: string;
}

function effectiveFrom(version: LegalDocumentVersion): Date {
  return startOfKoreanDay(version.effectiveDate);
}

export async function LegalDocumentView({ document, version, basePath }: LegalDocumentViewProps) {
  const locale = await getLocale();
  const t = await getTranslations("legal.document");
  const format = await getFormatter();
  const { business } = getPublicConfig();
  const fill = (text: string) =>
    fillPlaceholders(text, {
      businessName: business.name,
      supportEmail: business.email,
      supportPhone: business.phone,
    });
  const text = version.text[locale];
  const now = new Date();
  const inEffect = currentVersion(document, now);
  const announced = announcedVersion(document, now);
  const isUpcoming = effectiveFrom(version) > now;
  const date = (of: LegalDocumentVersion) => format.dateTime(effectiveFrom(of), { dateStyle: "long" });

  return (
    <article className="legal-document" aria-labelledby="legal-title">
      <header className="legal-document__header">
        <h1 id="legal-title">{text.title}</h1>
        <p className="hint">{t("meta", { version: version.version, date: date(version) })}</p>
        {version === inEffect ? (
          <p className="hint">{t("current")}</p>
        ) : isUpcoming ? (
          <p className="notice">
            {t("upcoming", { date: date(version) })} <Link href={basePath}>{t("readCurrent")}</Link>
          </p>
        ) : (
          <p className="notice notice--warning">
            {t("superseded")} <Link href={basePath}>{t("readCurrent")}</Link>
          </p>
        )}
        {announced && version === inEffect ? (
          <p className="notice">
            {t("announced", { date: date(announced) })}{" "}
            <Link href={`${basePath}/${announced.version}`}>{t("readAnnounced")}</Link>
          </p>
        ) : null}
        {text.translationNote ? (
          <p className="notice">
            {text.translationNote}{" "}
            <Link href={`${basePath}/${version.version}`} locale={AUTHORITATIVE_LOCALE} hrefLang={AUTHORITATIVE_LOCALE}>
              {t("readOriginal")}
            </Link>
          </p>
        ) : null}
      </header>

      <nav className="card legal-document__contents" aria-labelledby="legal-contents">
        <h2 id="legal-contents">{t("contents")}</h2>
        <ol>
          {text.articles.map((article) => (
            <li key={article.id}>
              <a href={`#${article.id}`}>{article.title}</a>
            </li>
          ))}
        </ol>
      </nav>

      {text.articles.map((article) => (
        <section key={article.id} className="legal-document__article" aria-labelledby={article.id}>
          <h2 id={article.id}>{article.title}</h2>
          {article.blocks.map((block, index) =>
            typeof block === "string" ? (
              <p key={index}>{fill(block)}</p>
            ) : (
              <ol key={index}>
                {block.map((item, itemIndex) => (
                  <li key={itemIndex}>{fill(item)}</li>
                ))}
              </ol>
            ),
          )}
        </section>
      ))}

      <section className="legal-document__versions" aria-labelledby="legal-versions">
        <h2 id="legal-versions">{t("versions")}</h2>
        <ul>
          {document.versions.map((each) => (
            <li key={each.version}>
              <Link
                href={`${basePath}/${each.version}`}
                aria-current={each.version === version.version ? "page" : undefined}
              >
                {t("versionItem", { version: each.version, date: date(each) })}
              </Link>
              {each === inEffect
                ? ` (${t("inEffect")})`
                : effectiveFrom(each) > now
                  ? ` (${t("notYet", { date: date(each) })})`
                  : null}
            </li>
          ))}
        </ul>
      </section>
    </article>
  );
}
