import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { TermsChangeNotices } from "@/components/legal/terms-change-notices";
import { PolicyNotices } from "@/components/privacy/policy-notices";
import { TERMS } from "@/lib/legal/terms";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("privacy.notices");
  return { title: t("title") };
}

/**
 * 공지사항: every privacy policy version, and every change of the terms, announced here
 * before it takes effect (7 days ahead; 30 for a material or adverse change).
 */
export default async function NoticesPage() {
  const t = await getTranslations("privacy.notices");
  return (
    <article className="legal-document">
      <h1>{t("title")}</h1>
      <p>{t("intro")}</p>
      <section aria-labelledby="notices-privacy">
        <h2 id="notices-privacy">{t("privacyHeading")}</h2>
        <PolicyNotices />
      </section>
      <section aria-labelledby="notices-terms">
        <h2 id="notices-terms">{t("termsHeading")}</h2>
        <TermsChangeNotices
          changes={TERMS.versions
            .filter((version) => version.announcedOn !== undefined)
            .map(({ version, effectiveDate, announcedOn, adverse }) => ({
              version,
              effectiveDate,
              announcedOn,
              adverse,
            }))}
        />
      </section>
    </article>
  );
}
