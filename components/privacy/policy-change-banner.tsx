/**
 * The site banner announcing a privacy policy change from its announcement day until
 * it takes effect (at least 7 days, 30 for a material change: policy-versions.ts).
 * Rendered on the server: no script.
 */
import { useFormatter, useTranslations } from "next-intl";
import { Link } from "@/i18n/navigation";
import {
  announcedPolicyVersion,
  PRIVACY_POLICY_VERSIONS,
  startOfKoreanDay,
  type PrivacyPolicyVersion,
} from "@/lib/privacy/policy-versions";
import "./privacy.css";

export interface PolicyChangeBannerProps {
  now: Date;
  /** The policy's versions; tests give an announced one, which the real list may not have. */
  versions?: readonly PrivacyPolicyVersion[];
}

export function PolicyChangeBanner({ now, versions = PRIVACY_POLICY_VERSIONS }: PolicyChangeBannerProps) {
  const t = useTranslations("privacy.notices");
  const format = useFormatter();
  const upcoming = announcedPolicyVersion(now, versions);
  if (!upcoming) return null;
  return (
    <aside className="policy-change-banner" aria-label={t("title")}>
      <p>
        {t("banner", { date: format.dateTime(startOfKoreanDay(upcoming.effectiveDate), { dateStyle: "long" }) })}{" "}
        <Link href="/notices">{t("bannerLink")}</Link>
      </p>
    </aside>
  );
}
