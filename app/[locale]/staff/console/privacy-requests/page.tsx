import type { Metadata } from "next";
import { NextIntlClientProvider } from "next-intl";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { PrivacyRequestActions } from "@/components/staff/privacy-request-actions";
import { QUEUE_PAGE_SIZE, QueuePageLinks, queueCursor } from "@/components/staff/queue-pages";
import { staffPageAccess } from "@/components/staff/staff-page-access";
import { Link } from "@/i18n/navigation";
import { pickMessages } from "@/lib/i18n/messages";
import { listPrivacyRequests } from "@/lib/privacy/list-privacy-requests";
import type { PrivacyRequestAction, PrivacyRequestKind } from "@/lib/privacy/privacy-request";
import { getServices } from "@/lib/services";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("staff.privacyQueue"))("heading") };
}

/** The action that answers each kind of request (execute-privacy-request.ts refuses any other). */
const ACTION_FOR: Record<PrivacyRequestKind, PrivacyRequestAction | null> = {
  access: "export",
  portability: "export",
  correction: "correct-name",
  restriction: "restrict",
  objection: "object",
  "consent-withdrawal": "object",
  deletion: "delete",
  other: null,
};

/** Open privacy requests with their deadlines, the overdue ones first. */
export default async function PrivacyQueuePage({
  searchParams,
}: PageProps<"/[locale]/staff/console/privacy-requests">) {
  const locale = await getLocale();
  const access = await staffPageAccess({
    locale,
    policy: { roles: ["support", "admin"], action: "privacy-requests.list", needsReason: false },
  });
  const cursor = queueCursor((await searchParams).cursor);
  const { requests, nextCursor } = await listPrivacyRequests({
    services: getServices(),
    page: { limit: QUEUE_PAGE_SIZE, ...(cursor ? { cursor } : {}) },
  });
  await access.shown(requests.map((request) => request.uid));
  const t = await getTranslations("staff");
  const format = await getFormatter();
  const when = (iso: string) => format.dateTime(new Date(iso), { dateStyle: "medium", timeStyle: "short" });
  return (
    <div className="staff-console">
      <h1>{t("privacyQueue.heading")}</h1>
      <p>
        <Link href="/staff/console">{t("member.back")}</Link>
      </p>
      {requests.length === 0 ? <p>{t("privacyQueue.empty")}</p> : null}
      <NextIntlClientProvider messages={pickMessages(locale, ["staff", "member"])}>
        <ul className="staff-requests">
          {requests.map((request) => (
            <li key={request.id} data-testid={`privacy-request-${request.id}`}>
              <p>
                <strong>{t(`privacyQueue.kinds.${request.kind}`)}</strong>
                {request.overdue ? <strong className="overdue"> · {t("privacyQueue.overdue")}</strong> : null}
                {" · "}
                {t("privacyQueue.received", { received: when(request.receivedAt) })}
                {" · "}
                {t("privacyQueue.due", { due: when(request.dueAt) })}
              </p>
              <p>{request.uid ? <code>{request.uid}</code> : t("privacyQueue.notMatched")}</p>
              {request.agentName ? <p>{t("privacyQueue.agent", { name: request.agentName })}</p> : null}
              <p>{request.details}</p>
              {request.uid ? (
                <PrivacyRequestActions
                  requestId={request.id}
                  action={ACTION_FOR[request.kind]}
                  agentCheck={request.agentCheck}
                  agentRefusalReason={request.agentRefusalReason}
                />
              ) : null}
            </li>
          ))}
        </ul>
      </NextIntlClientProvider>
      <QueuePageLinks pathname="/staff/console/privacy-requests" cursor={cursor} nextCursor={nextCursor} />
    </div>
  );
}
