import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLocale } from "next-intl/server";
import { LegalDocumentView } from "@/components/legal/legal-document-view";
import { findVersion } from "@/lib/legal/legal-document";
import { TERMS } from "@/lib/legal/terms";

export async function generateMetadata({ params }: PageProps<"/[locale]/terms/[version]">): Promise<Metadata> {
  const version = findVersion(TERMS, (await params).version);
  return version ? { title: `${version.text[await getLocale()].title} (${version.version})` } : {};
}

/** Exactly one version of the terms: the address a consent checkbox links to (lib/accounts/consent-version.ts). */
export default async function TermsVersionPage({ params }: PageProps<"/[locale]/terms/[version]">) {
  const version = findVersion(TERMS, (await params).version);
  if (!version) notFound();
  return <LegalDocumentView document={TERMS} version={version} basePath="/terms" />;
}
