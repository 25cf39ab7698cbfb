import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLocale } from "next-intl/server";
import { LegalDocumentView } from "@/components/legal/legal-document-view";
import { findVersion } from "@/lib/legal/legal-document";
import { REFUND_POLICY } from "@/lib/legal/refund-policy";

export async function generateMetadata({ params }: PageProps<"/[locale]/refund-policy/[version]">): Promise<Metadata> {
  const version = findVersion(REFUND_POLICY, (await params).version);
  return version ? { title: `${version.text[await getLocale()].title} (${version.version})` } : {};
}

/** Exactly one version of the refund policy, as it read while in effect. */
export default async function RefundPolicyVersionPage({ params }: PageProps<"/[locale]/refund-policy/[version]">) {
  const version = findVersion(REFUND_POLICY, (await params).version);
  if (!version) notFound();
  return <LegalDocumentView document={REFUND_POLICY} version={version} basePath="/refund-policy" />;
}
