import type { Metadata } from "next";
import { NextIntlClientProvider } from "next-intl";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { PointsAdjustmentForm } from "@/components/staff/points-adjustment-form";
import { staffPageAccess } from "@/components/staff/staff-page-access";
import { Link } from "@/i18n/navigation";
import { isAppError } from "@/lib/errors/app-error";
import { pickMessages } from "@/lib/i18n/messages";
import { getServices } from "@/lib/services";
import { findMemberUid, viewMember } from "@/lib/staff/view-member";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("staff.metadata"))("member"), referrer: "no-referrer" };
}

function single(value: string | string[] | undefined): string | null {
  return typeof value === "string" && value.trim() ? value.trim() : null;
}

/**
 * One member, by id, for a stated reason: the look-up is logged before anything shows.
 * The console's look-up form finds a member by address through the API (a POST), so
 * no address ever stands in this page's URL.
 */
export default async function StaffMemberPage({
  params,
  searchParams,
}: PageProps<"/[locale]/staff/console/member/[memberId]">) {
  const locale = await getLocale();
  const { memberId } = await params;
  const query = await searchParams;
  const t = await getTranslations("staff");
  const services = getServices();
  const back = <Link href="/staff/console">{t("member.back")}</Link>;
  let access;
  try {
    access = await staffPageAccess({
      locale,
      policy: { roles: ["support", "admin"], action: "member.view", needsReason: true },
      reason: single(query.reason),
      member: () => findMemberUid({ services, uid: memberId }),
    });
  } catch (error) {
    if (!isAppError(error)) throw error;
    const message = isAppError(error, "REASON_REQUIRED") ? t("errors.reasonRequired") : t("errors.forbidden");
    return (
      <div className="page--narrow">
        <p role="alert">{message}</p>
        {back}
      </div>
    );
  }
  if (!access.memberUid)
    return (
      <div className="page--narrow">
        <p role="alert">{t("member.notFound")}</p>
        {back}
      </div>
    );
  const member = await viewMember({ services, memberUid: access.memberUid, reason: access.reason! });
  const format = await getFormatter();
  const when = (iso: string) => format.dateTime(new Date(iso), { dateStyle: "medium", timeStyle: "short" });
  return (
    <div className="staff-member">
      <h1>{t("member.heading", { uid: member.uid })}</h1>
      <p>{t("member.reasonStated", { reason: t(`reasons.${access.reason!}`) })}</p>
      <dl>
        <dt>{t("member.email")}</dt>
        <dd>
          {member.email ?? "-"} ({t("member.verified", { verified: String(member.emailVerified) })})
        </dd>
        {member.profile ? (
          <>
            <dt>{t("member.name")}</dt>
            <dd>{member.profile.name}</dd>
            <dt>{t("member.joined")}</dt>
            <dd>{when(member.profile.createdAt)}</dd>
          </>
        ) : (
          <dd>{t("member.noProfile")}</dd>
        )}
        <dt>{t("member.points")}</dt>
        <dd>
          {member.points
            ? t("member.pointsValue", { balance: member.points.balance, free: member.points.freeBalance })
            : "-"}
        </dd>
      </dl>
      <h2>{t("member.orders")}</h2>
      {member.orders.length === 0 ? <p>{t("member.none")}</p> : null}
      <ul>
        {member.orders.map((order) => (
          <li key={order.orderId}>
            <code>{order.orderId}</code> · {order.status} ·{" "}
            {format.number(order.amount, { style: "currency", currency: order.currency })} · {when(order.createdAt)}
            {order.refunds.length > 0 ? ` · ${order.refunds.map((refund) => refund.status).join(", ")}` : null}
          </li>
        ))}
      </ul>
      <h2>{t("member.privacyRequests")}</h2>
      {member.privacyRequests.length === 0 ? <p>{t("member.none")}</p> : null}
      <ul>
        {member.privacyRequests.map((request) => (
          <li key={request.id}>
            {request.kind} · {request.status} · {t("member.due", { due: when(request.dueAt) })}
          </li>
        ))}
      </ul>
      {access.actor.role === "admin" ? (
        <section aria-labelledby="adjust-heading">
          <h2 id="adjust-heading">{t("adjust.heading")}</h2>
          <NextIntlClientProvider messages={pickMessages(locale, ["staff", "member"])}>
            <PointsAdjustmentForm memberUid={member.uid} />
          </NextIntlClientProvider>
        </section>
      ) : null}
      {member.generations ? (
        <>
          <h2>{t("member.generations")}</h2>
          {member.generations.length === 0 ? <p>{t("member.none")}</p> : null}
          <ul>
            {member.generations.map((generation) => (
              <li key={generation.id}>
                {when(generation.createdAt)} · {generation.status} · <q>{generation.prompt}</q>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {back}
    </div>
  );
}
