"use client";

import { useTranslations } from "next-intl";
import { Link } from "@/i18n/navigation";
import { useMemberFormat } from "@/components/layout/use-member-format";
import type { JsonValue } from "@/lib/db/database";
import type { AccountData, AccountDataSection } from "./use-account-data";

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

/** Everything held, kind by kind as the privacy policy lists it: each field named by what it holds. */
export function DataSections({ data }: { data: AccountData }) {
  return (
    <>
      {data.sections.map((section) => (
        <DataKindView key={section.kind} section={section} />
      ))}
    </>
  );
}

function DataKindView({ section }: { section: AccountDataSection }) {
  const t = useTranslations("myPage.data");
  const headingId = `data-${section.kind}`;
  return (
    <section className="data-kind" aria-labelledby={headingId}>
      <h3 id={headingId}>{section.title}</h3>
      <p className="hint">{t("purpose", { purpose: section.purpose })}</p>
      {section.link ? (
        <p>
          {t("count", { count: section.total })}
          {section.total > 0 ? (
            <>
              {" · "}
              <Link href={section.link}>{section.link === "/gallery" ? t("seeGallery") : t("seePoints")}</Link>
            </>
          ) : null}
        </p>
      ) : section.records.length === 0 ? (
        <p>{section.total > 0 ? t("count", { count: section.total }) : t("none")}</p>
      ) : (
        <ol className="record-list">
          {section.records.map((record, index) => (
            <li key={typeof record.id === "string" ? record.id : index}>
              <dl className="record" aria-label={t("record", { number: index + 1 })}>
                {Object.entries(section.fields).map(([field, description]) => (
                  <FieldValue key={field} label={description} value={record[field]} />
                ))}
              </dl>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function FieldValue({ label, value }: { label: string; value: JsonValue | undefined }) {
  const t = useTranslations("myPage.data");
  const format = useMemberFormat();
  let text: string;
  if (value === null || value === undefined || value === "") text = t("empty");
  else if (typeof value === "boolean") text = value ? t("yes") : t("no");
  else if (typeof value === "number") text = format.number(value);
  else if (typeof value === "string") text = ISO_INSTANT.test(value) ? format.dateTime(value) : value;
  else text = JSON.stringify(value);
  return (
    <>
      <dt>{label}</dt>
      <dd>{text}</dd>
    </>
  );
}
