/** The notices page's list: every privacy policy version, an announced change with the day it was announced. */
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { Link } from "@/i18n/navigation";
import { PRIVACY_POLICY_VERSIONS, startOfKoreanDay, type PrivacyPolicyVersion } from "@/lib/privacy/policy-versions";
import "./privacy.css";

export interface PolicyNoticesProps {
  /** The policy's versions, newest first; tests give an announced one, which the real list may not have. */
  versions?: readonly PrivacyPolicyVersion[];
}

export function PolicyNotices({ versions = PRIVACY_POLICY_VERSIONS }: PolicyNoticesProps) {
  const locale = useLocale();
  const t = useTranslations("privacy");
  const format = useFormatter();
  const day = (date: string) => format.dateTime(startOfKoreanDay(date), { dateStyle: "long" });
  return (
    <ul className="notice-list">
      {versions.map((entry) => (
        <li key={entry.version} className="card">
          <h3>
            {entry.announcedOn
              ? t("notices.policyChange", { date: day(entry.effectiveDate) })
              : t("notices.firstVersion", { date: day(entry.effectiveDate) })}
          </h3>
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
  );
}
