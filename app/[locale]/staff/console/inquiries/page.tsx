import type { Metadata } from "next";
import { NextIntlClientProvider } from "next-intl";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { QUEUE_PAGE_SIZE, QueuePageLinks, queueCursor } from "@/components/staff/queue-pages";
import { staffPageAccess } from "@/components/staff/staff-page-access";
import { SupportInbox } from "@/components/staff/support-inbox";
import { Link } from "@/i18n/navigation";
import { pickMessages } from "@/lib/i18n/messages";
import { getServices } from "@/lib/services";
import { listOpenInquiries } from "@/lib/support/list-open-inquiries";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("staff.inbox"))("heading") };
}

/** The support inbox: members' inquiries and complaints waiting for an answer, the one waiting longest first. */
export default async function SupportInboxPage({ searchParams }: PageProps<"/[locale]/staff/console/inquiries">) {
  const locale = await getLocale();
  const access = await staffPageAccess({
    locale,
    policy: { roles: ["support", "admin"], action: "inquiries.list", needsReason: false },
  });
  const cursor = queueCursor((await searchParams).cursor);
  const { inquiries, nextCursor } = await listOpenInquiries({
    services: getServices(),
    page: { limit: QUEUE_PAGE_SIZE, ...(cursor ? { cursor } : {}) },
  });
  await access.shown(inquiries.map((inquiry) => inquiry.uid));
  const t = await getTranslations("staff");
  const format = await getFormatter();
  return (
    <div className="staff-console">
      <h1>{t("inbox.heading")}</h1>
      <p>
        <Link href="/staff/console">{t("member.back")}</Link>
      </p>
      <p>{t("inbox.intro")}</p>
      <NextIntlClientProvider messages={pickMessages(locale, ["staff", "member"])}>
        <SupportInbox
          inquiries={inquiries.map((inquiry) => ({
            id: inquiry.id,
            uid: inquiry.uid,
            kind: inquiry.kind,
            message: inquiry.message,
            received: format.dateTime(new Date(inquiry.createdAt), { dateStyle: "medium", timeStyle: "short" }),
          }))}
        />
      </NextIntlClientProvider>
      <QueuePageLinks pathname="/staff/console/inquiries" cursor={cursor} nextCursor={nextCursor} />
    </div>
  );
}
