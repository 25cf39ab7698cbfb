"use client";

import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { api, fieldErrorsOf } from "@/components/shared/api-client";
import { ErrorAlert } from "@/components/shared/error-alert";
import { useErrorText } from "@/components/shared/use-error-text";
import { useMemberFormat } from "@/components/layout/use-member-format";
import {
  PRIVACY_REQUEST_DEADLINE_DAYS,
  PRIVACY_REQUEST_KINDS,
  type PrivacyRequestKind,
} from "@/lib/privacy/privacy-request";
import type { AccountData } from "./use-account-data";
import { sectionOf, textOf } from "./use-account-data";

/** A request for what My page cannot do alone, for staff, answered within the legal deadline; and the member's requests so far. */
export function PrivacyRequestForm({ data, onFiled }: { data: AccountData; onFiled: () => Promise<void> }) {
  const t = useTranslations("myPage.requests");
  const format = useMemberFormat();
  const errorText = useErrorText();
  const [kind, setKind] = useState<PrivacyRequestKind>("other");
  const [dataKind, setDataKind] = useState("");
  const [details, setDetails] = useState("");
  const [sending, setSending] = useState(false);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [filedDue, setFiledDue] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSending(true);
    setError(null);
    setFieldErrors({});
    setFiledDue(null);
    try {
      const filed = await api<{ dueAt: string }>("/api/account/privacy-requests", {
        method: "POST",
        body: { kind, dataKind: kind === "correction" ? dataKind || null : null, details },
      });
      setFiledDue(filed.dueAt);
      setDetails("");
      await onFiled();
    } catch (caught) {
      const fields = fieldErrorsOf(caught);
      if (Object.keys(fields).length > 0) setFieldErrors(fields);
      else setError(errorText(caught));
    } finally {
      setSending(false);
    }
  }

  const requests = [...(sectionOf(data, "privacy-requests")?.records ?? [])].sort((a, b) =>
    textOf(b.receivedAt).localeCompare(textOf(a.receivedAt)),
  );
  return (
    <>
      <p>{t("help", { days: PRIVACY_REQUEST_DEADLINE_DAYS })}</p>
      <form className="form" onSubmit={submit} noValidate>
        <div className="field">
          <label htmlFor="request-kind">{t("kind")}</label>
          <select
            id="request-kind"
            value={kind}
            onChange={(event) => setKind(event.target.value as PrivacyRequestKind)}
          >
            {PRIVACY_REQUEST_KINDS.map((option) => (
              <option key={option} value={option}>
                {t(`kinds.${option}`)}
              </option>
            ))}
          </select>
        </div>
        {kind === "correction" ? (
          <div className="field">
            <label htmlFor="request-data-kind">{t("dataKind")}</label>
            <select
              id="request-data-kind"
              value={dataKind}
              onChange={(event) => setDataKind(event.target.value)}
              aria-invalid={fieldErrors.dataKind ? true : undefined}
              aria-describedby={fieldErrors.dataKind ? "request-data-kind-error" : undefined}
            >
              <option value="">{t("chooseDataKind")}</option>
              {data.sections.map((section) => (
                <option key={section.kind} value={section.kind}>
                  {section.title}
                </option>
              ))}
            </select>
            {fieldErrors.dataKind ? (
              <p id="request-data-kind-error" className="field-error">
                {fieldErrors.dataKind}
              </p>
            ) : null}
          </div>
        ) : null}
        <div className="field">
          <label htmlFor="request-details">{t("details")}</label>
          <textarea
            id="request-details"
            rows={4}
            maxLength={2000}
            value={details}
            onChange={(event) => setDetails(event.target.value)}
            aria-invalid={fieldErrors.details ? true : undefined}
            aria-describedby={fieldErrors.details ? "request-details-error" : undefined}
          />
          {fieldErrors.details ? (
            <p id="request-details-error" className="field-error">
              {fieldErrors.details}
            </p>
          ) : null}
        </div>
        <div className="actions">
          <button type="submit" className="button" disabled={sending}>
            {t("submit")}
          </button>
        </div>
        {filedDue ? <p role="status">{t("filed", { due: format.date(filedDue) })}</p> : null}
        <ErrorAlert message={error} />
      </form>
      {requests.length > 0 ? (
        <>
          <h3>{t("list")}</h3>
          <ul>
            {requests.map((request) => (
              <li key={textOf(request.id)}>
                {t("listItem", {
                  kind: t(`kinds.${request.kind as PrivacyRequestKind}`),
                  received: format.date(textOf(request.receivedAt)),
                  due: format.date(textOf(request.dueAt)),
                  status: textOf(request.status),
                })}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}
