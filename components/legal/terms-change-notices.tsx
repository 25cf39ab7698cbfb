/** The notices page's list of announced changes to the terms, each with its announcement day and a link to the new text. */
import { useFormatter, useTranslations } from "next-intl";
import { Link } from "@/i18n/navigation";
import { startOfKoreanDay } from "@/lib/clock/korean-calendar";
import type { LegalDocumentVersion } from "@/lib/legal/legal-document";

/** A version's facts without its words, which the page has no need to send. */
export type TermsChange = Pick<LegalDocumentVersion, "version" | "effectiveDate" | "announcedOn" | "adverse">;

export function TermsChangeNotices({ changes }: { changes: readonly TermsChange[] }) {
  const t = useTranslations("privacy.notices");
  const format = useFormatter();
  const day = (date: string) => format.dateTime(startOfKoreanDay(date), { dateStyle: "long" });
  return (
    <ul className="notice-list">
      {changes.map((change) => (
        <li key={change.version} className="card">
          <h3>{t("termsChange", { date: day(change.effectiveDate) })}</h3>
          {change.announcedOn ? <p className="hint">{t("announcedOn", { date: day(change.announcedOn) })}</p> : null}
          <p>
            {change.version}
            {change.adverse ? ` · ${t("againstMembers")}` : null}
          </p>
          <p>
            <Link href={`/terms/${change.version}`}>{t("readTerms")}</Link>
          </p>
        </li>
      ))}
    </ul>
  );
}
