import type { Metadata } from "next";
import type { ReactNode } from "react";
import { connection } from "next/server";
import { getFormatter, getTranslations } from "next-intl/server";
import { signedInVisitor, type Visitor } from "@/components/account/signed-in-visitor";
import { formatMoney } from "@/components/shared/money";
import { Link } from "@/i18n/navigation";
import { IMAGE_RETENTION_DAYS } from "@/lib/images/image-record";
import { recordDisplay } from "@/lib/pricing/display-records";
import { getCatalog } from "@/lib/pricing/get-catalog";
import { getServices } from "@/lib/services";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("landing.metadata");
  return { title: { absolute: t("title") } };
}

/**
 * The front page, all rendered on the server (its only script is the language
 * switch's): what the service does and costs, and for a signed-in member their
 * balance and the way to their pages instead of an invitation to sign up.
 */
export default async function LandingPage({ searchParams }: PageProps<"/[locale]">) {
  // Render per request: never touch services or read configuration while building.
  await connection();
  const [t, format, visitor, query] = await Promise.all([
    getTranslations("landing"),
    getFormatter(),
    signedInVisitor(),
    searchParams,
  ]);
  const services = getServices();
  const catalog = getCatalog({ services });
  await recordDisplay({ services, surface: "landing", catalog });
  const strong = (chunks: ReactNode) => <strong>{chunks}</strong>;
  return (
    <>
      {query.signedOut !== undefined && visitor.status !== "member" ? (
        <p role="status" className="notice notice--success">
          {t("signedOut")}
        </p>
      ) : null}
      <section className="hero" aria-labelledby="hero-heading">
        <h1 id="hero-heading">{t("hero.heading")}</h1>
        <p className="lead">{t("hero.lead", { max: catalog.maxImagesPerGeneration, days: IMAGE_RETENTION_DAYS })}</p>
        <HeroActions visitor={visitor} />
      </section>

      <section aria-labelledby="how-heading">
        <h2 id="how-heading">{t("how.heading")}</h2>
        <ol className="steps">
          <li>{t.rich("how.buy", { strong })}</li>
          <li>{t.rich("how.describe", { strong })}</li>
          <li>{t.rich("how.watch", { strong })}</li>
        </ol>
      </section>

      <section aria-labelledby="models-heading">
        <h2 id="models-heading">{t("models.heading")}</h2>
        {catalog.models.length === 0 ? (
          <p>{t("models.none")}</p>
        ) : (
          <div className="table-wrap">
            <table className="table">
              <caption className="visually-hidden">{t("models.caption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("models.model")}</th>
                  <th scope="col">{t("models.sizes")}</th>
                </tr>
              </thead>
              <tbody>
                {catalog.models.map((model) => (
                  <tr key={model.id}>
                    <th scope="row">{model.name}</th>
                    <td>
                      <ul className="inline-list">
                        {model.sizes.map((size) => (
                          <li key={size}>{t("models.price", { size, count: model.pointsPerImage[size] ?? 0 })}</li>
                        ))}
                      </ul>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="packages-heading">
        <h2 id="packages-heading">{t("packages.heading")}</h2>
        <ul className="packages">
          {catalog.packages.map((pkg) => (
            <li key={pkg.id} className="package-card">
              <p className="package-card__points">{t("packages.points", { count: pkg.points })}</p>
              <p className="package-card__bonus">
                {pkg.bonusPercent > 0 ? t("packages.bonus", { percent: pkg.bonusPercent }) : t("packages.noBonus")}
              </p>
              <p>{t.rich("packages.total", { count: pkg.totalPoints, strong })}</p>
              <p className="package-card__price">
                {formatMoney(format, pkg.priceKrw, "KRW")}{" "}
                <span className="hint">({formatMoney(format, pkg.priceUsd, "USD")})</span>
              </p>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}

async function HeroActions({ visitor }: { visitor: Visitor }) {
  const t = await getTranslations("landing");
  if (visitor.status === "member") {
    return (
      <>
        <p>
          {t("member.welcome", { name: visitor.me.name })}{" "}
          {t.rich("member.balance", {
            count: visitor.me.points,
            strong: (chunks) => <strong>{chunks}</strong>,
          })}
        </p>
        <p className="actions">
          <Link href="/generate" className="button">
            {t("member.generate")}
          </Link>
          <Link href="/points" className="button button--secondary">
            {t("member.buyPoints")}
          </Link>
        </p>
      </>
    );
  }
  return (
    <>
      {visitor.status === "incomplete" ? <p>{t("member.incomplete")}</p> : null}
      <p className="actions">
        {visitor.status === "incomplete" ? (
          <Link href="/signup/complete" className="button">
            {t("member.finishSignUp")}
          </Link>
        ) : (
          <Link href="/signup" className="button">
            {t("hero.signUp")}
          </Link>
        )}
        <a href="#packages-heading" className="button button--secondary">
          {t("hero.seePrices")}
        </a>
      </p>
    </>
  );
}
