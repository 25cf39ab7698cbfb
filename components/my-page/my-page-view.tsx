"use client";

/**
 * My page: what the member sees and decides alone (name, address, marketing consent,
 * restriction and objection), requests for the rest, and everything held about them.
 */
import { useTranslations } from "next-intl";
import { ErrorAlert } from "@/components/shared/error-alert";
import { Link } from "@/i18n/navigation";
import { DataExportPanel } from "./data-export-panel";
import { DataSections } from "./data-sections";
import { EmailChangeForm } from "./email-change-form";
import { MarketingConsent } from "./marketing-consent";
import { NameForm } from "./name-form";
import { PrivacyRequestForm } from "./privacy-request-form";
import { RestrictionControls } from "./restriction-controls";
import { SupportInquiries } from "./support-inquiries";
import { sectionOf, textOf, useAccountData } from "./use-account-data";
import "./my-page.css";

export function MyPageView() {
  const t = useTranslations("myPage");
  const { data, error, reload } = useAccountData();
  if (!data) return error ? <ErrorAlert message={error} /> : <p role="status">{t("loading")}</p>;

  const profile = sectionOf(data, "member-profile")?.records[0];
  const account = sectionOf(data, "auth-account")?.records[0];
  const email = typeof account?.email === "string" ? account.email : null;
  return (
    <div className="my-page">
      <ErrorAlert message={error} />
      <section className="card" aria-labelledby="my-profile">
        <h2 id="my-profile">{t("profile.heading")}</h2>
        {profile ? <NameForm name={textOf(profile.name)} onSaved={reload} /> : null}
        <dl className="record">
          <dt>{t("profile.email")}</dt>
          <dd>
            {email ?? t("profile.emailUnknown")}
            {email ? ` (${account?.emailVerified ? t("profile.emailConfirmed") : t("profile.emailUnconfirmed")})` : ""}
          </dd>
        </dl>
        {email ? <EmailChangeForm email={email} /> : null}
      </section>
      <section className="card" aria-labelledby="my-marketing">
        <h2 id="my-marketing">{t("marketing.heading")}</h2>
        <MarketingConsent
          granted={profile?.marketingOptIn === true}
          history={sectionOf(data, "consent-records")}
          onChanged={reload}
        />
      </section>
      <section className="card" aria-labelledby="my-restrictions">
        <h2 id="my-restrictions">{t("restrictions.heading")}</h2>
        <RestrictionControls history={sectionOf(data, "processing-restrictions")} onChanged={reload} />
      </section>
      <section className="card" aria-labelledby="my-requests">
        <h2 id="my-requests">{t("requests.heading")}</h2>
        <PrivacyRequestForm data={data} onFiled={reload} />
      </section>
      <section className="card" aria-labelledby="my-inquiries">
        <h2 id="my-inquiries">{t("inquiries.heading")}</h2>
        <SupportInquiries inquiries={sectionOf(data, "support-inquiries")} onSent={reload} />
      </section>
      <section className="card" aria-labelledby="my-export">
        <h2 id="my-export">{t("export.heading")}</h2>
        <DataExportPanel exports={sectionOf(data, "data-exports")} onRequested={reload} />
      </section>
      <section className="card" aria-labelledby="my-cookies">
        <h2 id="my-cookies">{t("cookies.heading")}</h2>
        <p className="hint">{t("cookies.help")}</p>
        <Link href="/cookies">{t("cookies.link")}</Link>
      </section>
      <section className="card" aria-labelledby="my-data">
        <h2 id="my-data">{t("data.heading")}</h2>
        <p className="hint">{t("data.help")}</p>
        <DataSections data={data} />
      </section>
      <section className="card" aria-labelledby="my-close">
        <h2 id="my-close">{t("close.heading")}</h2>
        <p className="hint">{t("close.help")}</p>
        <Link href="/account/close">{t("close.link")}</Link>
      </section>
    </div>
  );
}
