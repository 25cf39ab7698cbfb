/**
 * The shape of a legal text (terms of service, refund policy) and its versions. The
 * texts are pure data kept here, never in the message files: a consent record names a
 * version, and that version's words must never change under it. A change is a new
 * version, appended; old ones stay readable at their own address.
 *
 * Korean is the authoritative text; every other language is a translation that says so.
 */
import type { Locale } from "../i18n/locales";

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
  text: Readonly<Record<Locale, LegalText>>;
}

export interface LegalDocument {
  /** Newest first: the first is the current version. */
  versions: readonly [LegalDocumentVersion, ...LegalDocumentVersion[]];
}

export const AUTHORITATIVE_LOCALE: Locale = "ko";

/**
 * What a text may name that belongs to the deployment rather than to the agreement:
 * the business's own details (lib/config/env.ts), filled in when the text is shown,
 * so a business that changes its support address needs no new version.
 */
export const LEGAL_PLACEHOLDERS = ["businessName", "supportEmail", "supportPhone"] as const;

export type LegalPlaceholder = (typeof LEGAL_PLACEHOLDERS)[number];

export function currentVersion(document: LegalDocument): LegalDocumentVersion {
  return document.versions[0];
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
