"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { api } from "@/components/shared/api-client";
import { ErrorAlert } from "@/components/shared/error-alert";
import { useErrorText } from "@/components/shared/use-error-text";
import { useMemberFormat } from "@/components/layout/use-member-format";
import { DATA_EXPORT_DAYS } from "@/lib/privacy/data-export";
import { textOf, type AccountDataSection } from "./use-account-data";

/** Asks for the archive of everything held, and lists those being prepared or ready to download. */
export function DataExportPanel(props: { exports: AccountDataSection | undefined; onRequested: () => Promise<void> }) {
  const t = useTranslations("myPage.export");
  const format = useMemberFormat();
  const errorText = useErrorText();
  const [working, setWorking] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const exports = [...(props.exports?.records ?? [])].sort((a, b) =>
    textOf(b.requestedAt).localeCompare(textOf(a.requestedAt)),
  );

  async function request() {
    setWorking(true);
    setError(null);
    try {
      await api("/api/account/exports", { method: "POST" });
      await props.onRequested();
    } catch (caught) {
      setError(errorText(caught));
    } finally {
      setWorking(false);
    }
  }

  return (
    <>
      <p>{t("help", { days: DATA_EXPORT_DAYS })}</p>
      <div className="actions">
        <button type="button" className="button" disabled={working} onClick={request}>
          {t("request")}
        </button>
      </div>
      <ErrorAlert message={error} />
      {exports.length > 0 ? (
        <ul>
          {exports.map((record) => (
            <li key={textOf(record.id)}>
              {record.status === "ready" ? (
                <>
                  {t("ready", { expires: format.dateTime(textOf(record.expiresAt)) })}
                  {" · "}
                  <a href={`/api/account/exports/${textOf(record.id)}`} download>
                    {t("download", {
                      size: `${format.number(Math.max(1, Math.round((typeof record.bytes === "number" ? record.bytes : 0) / 1024)))} KB`,
                    })}
                  </a>
                </>
              ) : (
                t("preparing", { when: format.dateTime(textOf(record.requestedAt)) })
              )}
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}
