import type { Metadata } from "next";
import { getLocale } from "next-intl/server";
import { LegalDocumentView } from "@/components/legal/legal-document-view";
import { currentVersion } from "@/lib/legal/legal-document";
import { TERMS } from "@/lib/legal/terms";

export async function generateMetadata(): Promise<Metadata> {
  return { title: currentVersion(TERMS).text[await getLocale()].title };
}

/** 이용약관: the version in effect. */
export default function TermsPage() {
  return <LegalDocumentView document={TERMS} version={currentVersion(TERMS)} basePath="/terms" />;
}
