import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { getFormatter, getTranslations } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import { getPublicConfig } from "@/lib/config/env";
import { getServices } from "@/lib/services";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("mailbox.list");
  return { title: t("title"), robots: { index: false } };
}

/** Local mode only: every mail the app sent, since no real mail leaves this machine. */
export default async function MailboxPage() {
  // Render per request: never touch services or read configuration while building.
  await connection();
  const mailbox = getPublicConfig().appMode === "local" ? getServices().localMailbox : null;
  if (!mailbox) notFound();
  const mails = await mailbox.list();
  const t = await getTranslations("mailbox.list");
  // In the app's time zone (Asia/Seoul, i18n/request.ts), as every other page shows times.
  const format = await getFormatter();
  return (
    <>
      <h1>{t("heading")}</h1>
      <p className="lead">{t("lead")}</p>
      {mails.length === 0 ? (
        <p className="empty">{t("empty")}</p>
      ) : (
        <div className="table-wrap" role="region" aria-label={t("region")} tabIndex={0}>
          <table className="table table--scroll">
            <caption className="visually-hidden">{t("caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("subject")}</th>
                <th scope="col">{t("to")}</th>
                <th scope="col">{t("sent")}</th>
              </tr>
            </thead>
            <tbody>
              {mails.map((mail) => (
                <tr key={mail.id}>
                  <td>
                    <Link href={`/mailbox/${encodeURIComponent(mail.id)}`}>{mail.subject}</Link>
                  </td>
                  <td className="break-anywhere">{mail.to}</td>
                  <td className="nowrap">
                    <time dateTime={mail.sentAt}>
                      {format.dateTime(new Date(mail.sentAt), { dateStyle: "medium", timeStyle: "short" })}
                    </time>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
