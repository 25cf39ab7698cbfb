/**
 * The footer of every page: the business details a Korean online shop must show
 * (전자상거래법 제10조, 제13조; 정보통신망법), from configuration, and the links to the
 * terms, the privacy policy and the refund policy. Labels follow the page's language;
 * the values are the registered (Korean) ones, with the English business name beside
 * the Korean on English pages when the business has one.
 */
import { getLocale, getTranslations } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import { getPublicConfig } from "@/lib/config/env";
import { businessLookupUrl, officerIn, phoneHref } from "@/lib/legal/business-details";
import "./site-footer.css";

export async function SiteFooter() {
  const { appMode, business } = getPublicConfig();
  const locale = await getLocale();
  const t = await getTranslations("legal.footer");
  const name = locale !== "ko" && business.nameEn ? `${business.nameEn} (${business.name})` : business.name;
  const officer = { ...business.privacyOfficer, ...officerIn(locale, business.privacyOfficer) };
  return (
    <footer className="site-footer">
      <div className="site-footer__inner">
        <nav aria-label={t("policies")}>
          <ul className="site-footer__policies">
            <li>
              <Link href="/terms">{t("terms")}</Link>
            </li>
            <li>
              {/* Set apart from the other links, as the privacy policy guidelines (PIPA art. 30) ask. */}
              <Link href="/privacy" className="site-footer__privacy">
                {t("privacy")}
              </Link>
            </li>
            <li>
              <Link href="/refund-policy">{t("refundPolicy")}</Link>
            </li>
            <li>
              <Link href="/notices">{t("notices")}</Link>
            </li>
            <li>
              <Link href="/cookies">{t("cookieSettings")}</Link>
            </li>
          </ul>
        </nav>
        <h2 className="visually-hidden">{t("businessDetails")}</h2>
        <dl className="business-details">
          <div>
            <dt>{t("businessName")}</dt>
            <dd>{name}</dd>
          </div>
          <div>
            <dt>{t("representative")}</dt>
            <dd>{business.representative}</dd>
          </div>
          <div>
            <dt>{t("address")}</dt>
            <dd>{business.address}</dd>
          </div>
          <div>
            <dt>{t("registrationNumber")}</dt>
            <dd>
              {business.registrationNumber}{" "}
              <a href={businessLookupUrl(business.registrationNumber)}>{t("verifyBusiness")}</a>
            </dd>
          </div>
          <div>
            <dt>{t("mailOrderReportNumber")}</dt>
            <dd>{business.mailOrderReportNumber}</dd>
          </div>
          <div>
            <dt>{t("contact")}</dt>
            <dd>
              <a href={phoneHref(business.phone)}>{business.phone}</a>
              {" · "}
              <a href={`mailto:${business.email}`}>{business.email}</a>
            </dd>
          </div>
          <div>
            <dt>{t("privacyOfficer")}</dt>
            <dd>
              {officer.name} ({officer.title}) · <a href={`mailto:${officer.email}`}>{officer.email}</a>
            </dd>
          </div>
          <div>
            <dt>{t("hostingProvider")}</dt>
            <dd>{business.hostingProvider}</dd>
          </div>
        </dl>
        <p className="site-footer__note">imagesfactory{appMode === "local" ? ` · ${t("localMode")}` : null}</p>
      </div>
    </footer>
  );
}
