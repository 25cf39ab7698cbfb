"use client";

import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { api, fieldErrorsOf } from "@/components/shared/api-client";
import { ErrorAlert } from "@/components/shared/error-alert";
import { useErrorText } from "@/components/shared/use-error-text";
import { useMemberFormat } from "@/components/layout/use-member-format";
import { INQUIRY_KINDS, INQUIRY_MAX_LENGTH, type InquiryKind } from "@/lib/support/support-inquiry";
import type { AccountDataSection } from "./use-account-data";
import { textOf } from "./use-account-data";

/** An inquiry or a complaint for staff, and the member's earlier ones with staff's answers. */
export function SupportInquiries(props: { inquiries: AccountDataSection | undefined; onSent: () => Promise<void> }) {
  const t = useTranslations("myPage.inquiries");
  const format = useMemberFormat();
  const errorText = useErrorText();
  const [kind, setKind] = useState<InquiryKind>("inquiry");
  const [message, setMessage] = useState("");
  const [sending, setSending] = useState(false);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [sent, setSent] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSending(true);
    setError(null);
    setFieldErrors({});
    setSent(false);
    try {
      await api("/api/account/inquiries", { method: "POST", body: { kind, message } });
      setMessage("");
      setSent(true);
      await props.onSent();
    } catch (caught) {
      const fields = fieldErrorsOf(caught);
      if (Object.keys(fields).length > 0) setFieldErrors(fields);
      else setError(errorText(caught));
    } finally {
      setSending(false);
    }
  }

  const inquiries = [...(props.inquiries?.records ?? [])].sort((a, b) =>
    textOf(b.createdAt).localeCompare(textOf(a.createdAt)),
  );
  return (
    <>
      <p>{t("help")}</p>
      <form className="form" onSubmit={submit} noValidate>
        <div className="field">
          <label htmlFor="inquiry-kind">{t("kind")}</label>
          <select id="inquiry-kind" value={kind} onChange={(event) => setKind(event.target.value as InquiryKind)}>
            {INQUIRY_KINDS.map((option) => (
              <option key={option} value={option}>
                {t(`kinds.${option}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="inquiry-message">{t("message")}</label>
          <textarea
            id="inquiry-message"
            rows={5}
            maxLength={INQUIRY_MAX_LENGTH}
            value={message}
            onChange={(event) => setMessage(event.target.value)}
            aria-invalid={fieldErrors.message ? true : undefined}
            aria-describedby={fieldErrors.message ? "inquiry-message-error" : undefined}
          />
          {fieldErrors.message ? (
            <p id="inquiry-message-error" className="field-error">
              {fieldErrors.message}
            </p>
          ) : null}
        </div>
        <div className="actions">
          <button type="submit" className="button" disabled={sending}>
            {t("submit")}
          </button>
        </div>
        {sent ? <p role="status">{t("sent")}</p> : null}
        <ErrorAlert message={error} />
      </form>
      {inquiries.length > 0 ? (
        <>
          <h3>{t("list")}</h3>
          <ul className="inquiries">
            {inquiries.map((inquiry) => (
              <li key={textOf(inquiry.id)}>
                <p>
                  {t("listItem", {
                    kind: t(`kinds.${textOf(inquiry.kind) as InquiryKind}`),
                    sent: format.dateTime(textOf(inquiry.createdAt)),
                  })}
                </p>
                <p className="inquiry-message">{textOf(inquiry.message)}</p>
                {inquiry.answer ? (
                  <p className="inquiry-answer">
                    {t("answer", { answered: format.dateTime(textOf(inquiry.answeredAt)) })} {textOf(inquiry.answer)}
                  </p>
                ) : (
                  <p className="hint">{t("waiting")}</p>
                )}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}
