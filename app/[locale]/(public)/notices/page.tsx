import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PolicyNotices } from "@/components/privacy/policy-notices";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("privacy.notices");
  return { title: t("title") };
}

/** 공지사항: every privacy policy version, announced here before it takes effect (7 days ahead, 30 for a material change). */
export default async function NoticesPage() {
  const t = await getTranslations("privacy.notices");
  return (
    <article className="legal-document">
      <h1>{t("title")}</h1>
      <p>{t("intro")}</p>
      <PolicyNotices />
    </article>
  );
}
