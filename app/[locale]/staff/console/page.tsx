import type { Metadata } from "next";
import { NextIntlClientProvider } from "next-intl";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { MemberLookUpForm } from "@/components/staff/member-look-up-form";
import { RefundDecision } from "@/components/staff/refund-decision";
import { staffPageAccess } from "@/components/staff/staff-page-access";
import { StaffSignOut } from "@/components/staff/staff-sign-out";
import { Link } from "@/i18n/navigation";
import { pickMessages } from "@/lib/i18n/messages";
import { getServices } from "@/lib/services";
import { listRefundQueue } from "@/lib/staff/list-refund-queue";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("staff.metadata"))("console") };
}

/** The console's front page: the member look-up and the refund queue. */
export default async function StaffConsolePage() {
  const locale = await getLocale();
  const access = await staffPageAccess({
    locale,
    policy: { roles: ["support", "admin"], action: "refunds.list", needsReason: false },
  });
  const refunds = await listRefundQueue({ services: getServices() });
  await access.shown(refunds.map((refund) => refund.uid));
  const t = await getTranslations("staff");
  const format = await getFormatter();
  return (
    <div className="staff-console">
      <h1>{t("console.heading")}</h1>
      <NextIntlClientProvider messages={pickMessages(locale, ["staff", "member"])}>
        <p>
          {t("console.signedInAs", { role: access.actor.role })} <StaffSignOut />
        </p>
        <nav aria-label={t("console.heading")}>
          <ul className="nav-list">
            <li>
              <Link href="/staff/console/inquiries">{t("inbox.link")}</Link>
            </li>
            <li>
              <Link href="/staff/console/privacy-requests">{t("privacyQueue.link")}</Link>
            </li>
          </ul>
        </nav>
        <section aria-labelledby="look-up-heading">
          <h2 id="look-up-heading">{t("console.lookUpHeading")}</h2>
          <MemberLookUpForm />
        </section>
        <section aria-labelledby="refunds-heading">
          <h2 id="refunds-heading">{t("console.refundsHeading")}</h2>
          {refunds.length === 0 ? <p>{t("console.refundsEmpty")}</p> : null}
          <ul className="staff-refunds">
            {refunds.map((refund) => (
              <li key={refund.refundId} data-testid={`refund-${refund.refundId}`}>
                <p>
                  {t("console.requestedAt")}:{" "}
                  {format.dateTime(new Date(refund.requestedAt), { dateStyle: "medium", timeStyle: "short" })}
                  {" · "}
                  {t("console.order")}: <code>{refund.orderId}</code>
                  {" · "}
                  {format.number(refund.amount, { style: "currency", currency: refund.currency })}
                  {" · "}
                  {t("console.review")}: {refund.review ?? "-"}
                </p>
                <RefundDecision refundId={refund.refundId} amount={refund.amount} points={refund.lotPoints} />
              </li>
            ))}
          </ul>
        </section>
      </NextIntlClientProvider>
    </div>
  );
}
