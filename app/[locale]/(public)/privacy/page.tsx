import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { getPublicConfig } from "@/lib/config/env";
import { phoneHref } from "@/lib/legal/business-details";
import { CONSENT_TEXTS } from "@/lib/privacy/policy-versions";
import { DATA_INVENTORY, type Retention } from "@/lib/privacy/data-inventory";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("privacy");
  return { title: t("title") };
}

/** Rendered from the same data inventory that drives retention, export and deletion, in the page's language. */
export default async function PrivacyPage() {
  const locale = await getLocale();
  const t = await getTranslations("privacy");
  const { business } = getPublicConfig();
  const officer = business.privacyOfficer;

  const describeRetention = (retention: Retention): string => {
    switch (retention.kind) {
      case "until-withdrawal":
        return t("retention.untilWithdrawal");
      case "days":
        return t(retention.deletableOnRequest ? "retention.daysOrOnRequest" : "retention.days", {
          days: retention.days,
          from: retention.from[locale],
        });
      case "months":
        return t("retention.months", { months: retention.months, from: retention.from[locale] });
      case "years":
        return t("retention.years", { years: retention.years, from: retention.from[locale] });
      case "until-delivered":
        return t("retention.untilDelivered");
    }
  };

  return (
    <>
      <h1>{t("title")}</h1>
      <p className="lead">{t("lead", { businessName: business.name })}</p>
      <p className="hint policy-versions">
        {t("versions", {
          versions: Object.values(CONSENT_TEXTS)
            .map((text) => text.policyVersion)
            .join(", "),
        })}
      </p>
      <nav className="card toc" aria-labelledby="toc-heading">
        <h2 id="toc-heading">{t("contents")}</h2>
        <ul>
          {DATA_INVENTORY.map((kind) => (
            <li key={kind.id}>
              <a href={`#kind-${kind.id}`}>{kind.title[locale]}</a>
            </li>
          ))}
          <li>
            <a href="#privacy-officer">{t("officer.heading")}</a>
          </li>
        </ul>
      </nav>
      {DATA_INVENTORY.map((kind) => (
        <section key={kind.id} className="card inventory" aria-labelledby={`kind-${kind.id}`}>
          <h2 id={`kind-${kind.id}`}>{kind.title[locale]}</h2>
          <dl className="facts facts--stacked">
            <div>
              <dt>{t("what")}</dt>
              <dd>
                <ul>
                  {Object.entries(kind.fields).map(([field, description]) => (
                    <li key={field}>{description[locale]}</li>
                  ))}
                </ul>
              </dd>
            </div>
            <div>
              <dt>{t("why")}</dt>
              <dd>{kind.purpose[locale]}</dd>
            </div>
            <div>
              <dt>{t("legalBasis")}</dt>
              <dd>{kind.legalBasis[locale]}</dd>
            </div>
            <div>
              <dt>{t("keptFor")}</dt>
              <dd>{describeRetention(kind.retention)}</dd>
            </div>
            <div>
              <dt>{t("onWithdrawal")}</dt>
              <dd>{kind.onWithdrawal === "delete" ? t("withdrawal.delete") : t("withdrawal.pseudonymiseAndKeep")}</dd>
            </div>
            <div>
              <dt>{t("disposal")}</dt>
              <dd>{kind.disposal[locale]}</dd>
            </div>
            <div>
              <dt>{t("processors")}</dt>
              <dd>{kind.processors.map((processor) => processor[locale]).join("; ")}</dd>
            </div>
          </dl>
        </section>
      ))}
      <section className="card inventory" aria-labelledby="privacy-officer">
        <h2 id="privacy-officer">{t("officer.heading")}</h2>
        <p>{t("officer.body")}</p>
        <dl className="facts">
          <div>
            <dt>{t("officer.name")}</dt>
            <dd>{officer.name}</dd>
          </div>
          <div>
            <dt>{t("officer.title")}</dt>
            <dd>{officer.title}</dd>
          </div>
          <div>
            <dt>{t("officer.email")}</dt>
            <dd>
              <a href={`mailto:${officer.email}`}>
                <EmailAddress email={officer.email} />
              </a>
            </dd>
          </div>
          <div>
            <dt>{t("officer.phone")}</dt>
            <dd>
              <a href={phoneHref(officer.phone)}>{officer.phone}</a>
            </dd>
          </div>
        </dl>
      </section>
      <section className="card inventory" aria-labelledby="privacy-remedies">
        <h2 id="privacy-remedies">{t("remedies.heading")}</h2>
        <p>{t("remedies.body")}</p>
        <ul>
          <li>{t("remedies.kisa")}</li>
          <li>{t("remedies.kopico")}</li>
          <li>{t("remedies.spo")}</li>
          <li>{t("remedies.police")}</li>
        </ul>
      </section>
    </>
  );
}

/** An address that a narrow column breaks after the @ ("support@" / "imagesfactory.com"), not at any letter. */
function EmailAddress({ email }: { email: string }) {
  const at = email.lastIndexOf("@");
  if (at < 0) return email;
  return (
    <>
      {email.slice(0, at + 1)}
      <wbr />
      {email.slice(at + 1)}
    </>
  );
}
