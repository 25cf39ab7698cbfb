/**
 * The shape of a legal text (terms of service, refund policy) and its versions. The
 * texts are pure data kept here, never in the message files: a consent record names a
 * version, and that version's words must never change under it. A change is a new
 * version, appended; old ones stay readable at their own address.
 *
 * Korean is the authoritative text; every other language is a translation that says so.
 */
import { DAY_MS } from "../clock/clock";
import { startOfKoreanDay } from "../clock/korean-calendar";
import { LOCALES, type Locale } from "../i18n/locales";

/** A paragraph, or a numbered list (rendered as an ordered list). */
export type LegalBlock = string | readonly string[];

export interface LegalArticle {
  /** Stable within a document's versions, for links to an article (#id). */
  id: string;
  /** With its number, as the text refers to it ("제10조 (청약철회와 환불)", "Article 10 (Withdrawal and refunds)"). */
  title: string;
  blocks: readonly LegalBlock[];
}

export interface LegalText {
  title: string;
  /** A translation's statement that it is one and that the Korean text governs; null in the authoritative text. */
  translationNote: string | null;
  articles: readonly LegalArticle[];
}

export interface LegalDocumentVersion {
  /** The name a consent record stores, and the last segment of this version's address. */
  version: string;
  /** The day (Korea time) this version takes effect, YYYY-MM-DD. */
  effectiveDate: string;
  /** The day (Korea time) a change was announced on the notices page; absent for a first version. */
  announcedOn?: string;
  /** A change against members' interests: announced 30 days ahead and mailed, not 7 (terms art. 16). */
  adverse?: boolean;
  text: Readonly<Record<Locale, LegalText>>;
}

export interface LegalDocument {
  /** Newest first. A version announced but not yet in effect may lead the list. */
  versions: readonly [LegalDocumentVersion, ...LegalDocumentVersion[]];
}

/** How many days ahead a change must be announced (약관규제법 and the terms' own art. 16). */
export const LEGAL_NOTICE_DAYS = { ordinary: 7, adverse: 30 } as const;

export const AUTHORITATIVE_LOCALE: Locale = "ko";

/**
 * What a text may name that belongs to the deployment rather than to the agreement:
 * the business's own details (lib/config/env.ts), filled in when the text is shown,
 * so a business that changes its support address needs no new version.
 */
export const LEGAL_PLACEHOLDERS = ["businessName", "supportEmail", "supportPhone"] as const;

export type LegalPlaceholder = (typeof LEGAL_PLACEHOLDERS)[number];

/** The version in effect at `now`: the newest whose effective day has begun in Korea. */
export function currentVersion(document: LegalDocument, now: Date = new Date()): LegalDocumentVersion {
  return document.versions.find((entry) => startOfKoreanDay(entry.effectiveDate) <= now) ?? document.versions.at(-1)!;
}

/** The announced version not yet in effect at `now`, for the notices page; null when there is none. */
export function announcedVersion(document: LegalDocument, now: Date = new Date()): LegalDocumentVersion | null {
  const next = document.versions[0];
  return next.announcedOn !== undefined &&
    startOfKoreanDay(next.announcedOn) <= now &&
    now < startOfKoreanDay(next.effectiveDate)
    ? next
    : null;
}

/** Each version after the first announced at least the notice it needs before it takes effect. */
export function legalNoticeProblems(document: LegalDocument): string[] {
  return document.versions.slice(0, -1).flatMap((entry) => {
    if (entry.announcedOn === undefined) return [`${entry.version} has no announcement day.`];
    const days =
      (startOfKoreanDay(entry.effectiveDate).getTime() - startOfKoreanDay(entry.announcedOn).getTime()) / DAY_MS;
    const needed = entry.adverse ? LEGAL_NOTICE_DAYS.adverse : LEGAL_NOTICE_DAYS.ordinary;
    return days < needed ? [`${entry.version} was announced ${days} days ahead; it needs ${needed}.`] : [];
  });
}

/** Refuses, at load, a document whose change was announced too late to take effect on its day. */
export function validateLegalNotice(document: LegalDocument): void {
  const problems = legalNoticeProblems(document);
  if (problems.length > 0) throw new Error(`Legal text versions refused:\n${problems.join("\n")}`);
}

/**
 * A new version made from an earlier one by replacing whole articles (by id), in every
 * language: the earlier version's words stay as they were, and the new one repeats
 * only what changed.
 */
export function reviseVersion(
  base: LegalDocumentVersion,
  revision: Omit<LegalDocumentVersion, "text"> & {
    articles: Readonly<Record<Locale, Readonly<Record<string, readonly LegalBlock[]>>>>;
  },
): LegalDocumentVersion {
  const { articles, ...meta } = revision;
  const revise = (words: LegalText, replaced: Readonly<Record<string, readonly LegalBlock[]>>): LegalText => {
    for (const id of Object.keys(replaced)) {
      if (!words.articles.some((article) => article.id === id)) throw new Error(`No article ${id} to revise.`);
    }
    return {
      ...words,
      articles: words.articles.map((article) => ({ ...article, blocks: replaced[article.id] ?? article.blocks })),
    };
  };
  const text = Object.fromEntries(
    LOCALES.map((locale) => [locale, revise(base.text[locale], articles[locale])] as const),
  ) as Record<Locale, LegalText>;
  return { ...meta, text };
}

export function findVersion(document: LegalDocument, version: string): LegalDocumentVersion | undefined {
  return document.versions.find((candidate) => candidate.version === version);
}

/** A text with its placeholders ({supportEmail}, …) replaced by the deployment's values. */
export function fillPlaceholders(text: string, values: Readonly<Record<LegalPlaceholder, string>>): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
    (LEGAL_PLACEHOLDERS as readonly string[]).includes(name) ? values[name as LegalPlaceholder] : whole,
  );
}
