import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { getFormatter, getTranslations } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import { getPublicConfig, getServerConfig } from "@/lib/config/env";
import { getServices } from "@/lib/services";

/** The mail's subject names the tab, so several open mails can be told apart. */
export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const { id } = await params;
  await connection();
  const mailbox = getPublicConfig().appMode === "local" ? getServices().localMailbox : null;
  const mail = mailbox ? await mailbox.read(id) : null;
  const t = await getTranslations("mailbox.mail");
  return {
    title: mail ? t("title", { subject: mail.subject }) : t("notFoundTitle"),
    robots: { index: false },
    referrer: "no-referrer",
  };
}

interface MailLink {
  label: string;
  url: string;
  href: string;
}

/**
 * The links of a mail's text part ("Label: https://…" lines name their link). Links
 * to this app become paths, so they open on whatever host the mailbox is viewed from
 * and keep its session cookie.
 */
function linksOf(text: string, appOrigin: string): MailLink[] {
  const links: MailLink[] = [];
  for (const line of text.split("\n")) {
    for (const match of line.matchAll(/https?:\/\/[^\s<>"']+/g)) {
      const url = match[0].replace(/[.,;:!?)]+$/, "");
      let parsed: URL;
      try {
        parsed = new URL(url);
      } catch {
        continue;
      }
      const before = line.slice(0, match.index).trim().replace(/:$/, "").trim();
      const href = parsed.origin === appOrigin ? `${parsed.pathname}${parsed.search}${parsed.hash}` : parsed.toString();
      links.push({ label: before || url, url, href });
    }
  }
  return links;
}

export default async function MailPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await connection();
  const mailbox = getPublicConfig().appMode === "local" ? getServices().localMailbox : null;
  if (!mailbox) notFound();
  const mail = await mailbox.read(id);
  if (!mail) notFound();
  const links = linksOf(mail.text, new URL(getServerConfig().APP_URL).origin);
  const t = await getTranslations("mailbox.mail");
  // In the app's time zone (Asia/Seoul, i18n/request.ts), as every other page shows times.
  const format = await getFormatter();
  return (
    <>
      <p>
        <Link href="/mailbox">{t("back")}</Link>
      </p>
      <h1>{mail.subject}</h1>
      <dl className="facts">
        <div>
          <dt>{t("from")}</dt>
          <dd>{mail.from}</dd>
        </div>
        <div>
          <dt>{t("to")}</dt>
          <dd>{mail.to}</dd>
        </div>
        <div>
          <dt>{t("sent")}</dt>
          <dd>
            <time dateTime={mail.sentAt}>
              {format.dateTime(new Date(mail.sentAt), { dateStyle: "medium", timeStyle: "short" })}
            </time>
          </dd>
        </div>
      </dl>

      <section aria-labelledby="links-heading" className="card">
        <h2 id="links-heading">{t("linksHeading")}</h2>
        {links.length === 0 ? (
          <p>{t("noLinks")}</p>
        ) : (
          <ul className="mail-links">
            {links.map((link, index) => (
              <li key={`${index}-${link.url}`}>
                <a href={link.href} className="button button--small">
                  {link.label}
                </a>{" "}
                <span className="hint mail-links__url">{link.url}</span>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="html-heading">
        <h2 id="html-heading">{t("htmlHeading")}</h2>
        <iframe
          className="mail-frame"
          title={t("htmlFrame", { subject: mail.subject })}
          sandbox=""
          srcDoc={mail.html}
        />
      </section>

      <section aria-labelledby="text-heading">
        <h2 id="text-heading">{t("textHeading")}</h2>
        <pre className="mail-text">{mail.text}</pre>
      </section>
    </>
  );
}
