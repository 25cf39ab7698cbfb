import type { Metadata } from "next";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import { PRIVACY_POLICY_VERSIONS, startOfKoreanDay } from "@/lib/privacy/policy-versions";
import "@/components/privacy/privacy.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("privacy.notices");
  return { title: t("title") };
}

/** 공지사항: every privacy policy version, announced here before it takes effect (7 days ahead, 30 for a material change). */
export default async function NoticesPage() {
  const locale = await getLocale();
  const t = await getTranslations("privacy");
  const format = await getFormatter();
  const day = (date: string) => format.dateTime(startOfKoreanDay(date), { dateStyle: "long" });
  return (
    <article className="legal-document">
      <h1>{t("notices.title")}</h1>
      <p>{t("notices.intro")}</p>
      <ul className="notice-list">
        {PRIVACY_POLICY_VERSIONS.map((entry) => (
          <li key={entry.version} className="card">
            <h2>
              {entry.announcedOn
                ? t("notices.policyChange", { date: day(entry.effectiveDate) })
                : t("notices.firstVersion", { date: day(entry.effectiveDate) })}
            </h2>
            {entry.announcedOn ? (
              <p className="hint">{t("notices.announcedOn", { date: day(entry.announcedOn) })}</p>
            ) : null}
            <p>
              {entry.version} · {entry.summary[locale]}
              {entry.material ? ` · ${t("versionsSection.material")}` : null}
              {entry.needsNewConsent ? ` · ${t("versionsSection.newConsent")}` : null}
            </p>
            <p>
              <Link href="/privacy">{t("notices.readPolicy")}</Link>
            </p>
          </li>
        ))}
      </ul>
    </article>
  );
}
