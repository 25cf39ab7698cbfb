import type { Metadata } from "next";
import { getLocale } from "next-intl/server";
import { LegalDocumentView } from "@/components/legal/legal-document-view";
import { currentVersion } from "@/lib/legal/legal-document";
import { REFUND_POLICY } from "@/lib/legal/refund-policy";

export async function generateMetadata(): Promise<Metadata> {
  return { title: currentVersion(REFUND_POLICY).text[await getLocale()].title };
}

/** 환불정책: the version in effect. */
export default function RefundPolicyPage() {
  return (
    <LegalDocumentView document={REFUND_POLICY} version={currentVersion(REFUND_POLICY)} basePath="/refund-policy" />
  );
}
