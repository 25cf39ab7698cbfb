import type { Metadata } from "next";
import { Link } from "@/i18n/navigation";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { formatDateTime } from "@/components/shared/format";
import { getPublicConfig } from "@/lib/config/env";
import { getServices } from "@/lib/services";

export const metadata: Metadata = { title: "Mailbox", robots: { index: false } };

/** Local mode only: every mail the app sent, since no real mail leaves this machine. */
export default async function MailboxPage() {
  // Render per request: never touch services or read configuration while building.
  await connection();
  const mailbox = getPublicConfig().appMode === "local" ? getServices().localMailbox : null;
  if (!mailbox) notFound();
  const mails = await mailbox.list();
  return (
    <>
      <h1>Mailbox</h1>
      <p className="lead">Running locally, mail is not sent: it lands here. Newest first.</p>
      {mails.length === 0 ? (
        <p className="empty">
          No mail yet. Mail the app sends (confirmation links, password resets, finished images) shows up here.
        </p>
      ) : (
        <div className="table-wrap" role="region" aria-label="Mails" tabIndex={0}>
          <table className="table table--scroll">
            <caption className="visually-hidden">Mails sent by the app, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Subject</th>
                <th scope="col">To</th>
                <th scope="col">Sent</th>
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
                    <time dateTime={mail.sentAt}>{formatDateTime(mail.sentAt)}</time>
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
