/**
 * The site banner announcing a privacy policy change from its announcement day until
 * it takes effect (at least 7 days, 30 for a material change: policy-versions.ts).
 * Rendered on the server: no script.
 */
import { getFormatter, getTranslations } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import { announcedPolicyVersion, startOfKoreanDay } from "@/lib/privacy/policy-versions";
import "./privacy.css";

export async function PolicyChangeBanner({ now }: { now: Date }) {
  const upcoming = announcedPolicyVersion(now);
  if (!upcoming) return null;
  const t = await getTranslations("privacy.notices");
  const format = await getFormatter();
  return (
    <aside className="policy-change-banner" aria-label={t("title")}>
      <p>
        {t("banner", { date: format.dateTime(startOfKoreanDay(upcoming.effectiveDate), { dateStyle: "long" }) })}{" "}
        <Link href="/notices">{t("bannerLink")}</Link>
      </p>
    </aside>
  );
}
