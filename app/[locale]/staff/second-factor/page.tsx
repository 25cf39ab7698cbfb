import type { Metadata } from "next";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getTranslations } from "next-intl/server";
import { SecondFactorForm } from "@/components/staff/second-factor-form";
import { staffSessionAt } from "@/components/staff/staff-page-access";
import { redirect } from "@/i18n/navigation";
import { pickMessages } from "@/lib/i18n/messages";
import { getServices } from "@/lib/services";
import { beginStaffEnrolment } from "@/lib/staff/begin-staff-enrolment";
import { STAFF_SECOND_FACTORS } from "@/lib/staff/second-factor";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("staff.metadata"))("secondFactor") };
}

/** The code, after the password; on the first sign-in, the authenticator app's enrolment first. */
export default async function SecondFactorPage() {
  const locale = await getLocale();
  const session = await staffSessionAt("second-factor");
  if (!session) redirect({ href: "/staff", locale });
  if (session!.session.stage === "active") redirect({ href: "/staff/console", locale });
  const services = getServices();
  const factor = await services.db.get(STAFF_SECOND_FACTORS, session!.actor.uid);
  const enrolment = factor?.data.enrolledAt ? null : await beginStaffEnrolment({ services, actor: session!.actor });
  const t = await getTranslations("staff.secondFactor");
  return (
    <div className="page--narrow">
      <h1>{enrolment ? t("enrolHeading") : t("heading")}</h1>
      <p>{enrolment ? t("enrolIntro") : t("intro")}</p>
      {enrolment ? (
        <figure className="staff-qr">
          {/* The SVG is made on the server by the qrcode package from our own otpauth URI. */}
          <div role="img" aria-label={t("qrLabel")} dangerouslySetInnerHTML={{ __html: enrolment.qrSvg }} />
          <figcaption>
            {t("secretLabel")}: <code data-testid="totp-secret">{enrolment.secret}</code>
          </figcaption>
        </figure>
      ) : null}
      <NextIntlClientProvider messages={pickMessages(locale, ["staff", "member"])}>
        <SecondFactorForm enrolling={enrolment !== null} />
      </NextIntlClientProvider>
    </div>
  );
}
