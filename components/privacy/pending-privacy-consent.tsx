/**
 * The member area's consent gate: when a privacy policy version needing new consent
 * has taken effect since the member last agreed, this takes the place of the page they
 * opened (at their next sign-in or visit) until they agree.
 */
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import { findPendingPrivacyConsent } from "@/lib/accounts/find-pending-privacy-consent";
import { startOfKoreanDay } from "@/lib/privacy/policy-versions";
import { getServices } from "@/lib/services";
import { PrivacyConsentGate } from "./privacy-consent-gate";

export async function PendingPrivacyConsent({ uid }: { uid: string }) {
  const pending = await findPendingPrivacyConsent({ services: getServices(), uid });
  if (!pending) return null;
  const locale = await getLocale();
  const t = await getTranslations("privacy.consentGate");
  const format = await getFormatter();
  const date = format.dateTime(startOfKoreanDay(pending.effectiveDate), { dateStyle: "long" });
  return (
    <PrivacyConsentGate
      locale={locale}
      texts={{
        title: t("title"),
        body: t("body", { version: pending.version, date }),
        summary: t("summary", { summary: pending.summary[locale] }),
        agree: t("agree"),
        failed: t("failed"),
      }}
      policyLink={<Link href="/privacy">{t("read")}</Link>}
    />
  );
}
