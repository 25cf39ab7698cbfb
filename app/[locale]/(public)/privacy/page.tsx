import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { PrivacyPolicyView } from "@/components/privacy/privacy-policy-view";
import { getPublicConfig } from "@/lib/config/env";
import { buildPrivacyPolicy } from "@/lib/privacy/privacy-policy";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("privacy");
  return { title: t("title") };
}

/** Rendered from the same data inventory that drives retention, export and deletion, in the page's language. */
export default async function PrivacyPage() {
  const document = buildPrivacyPolicy({
    locale: await getLocale(),
    business: getPublicConfig().business,
    now: new Date(),
  });
  return <PrivacyPolicyView document={document} />;
}
