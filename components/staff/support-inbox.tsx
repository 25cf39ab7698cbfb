"use client";

/**
 * The inbox's open inquiries, each with its answer form. An answered inquiry leaves
 * the list at once (the server no longer lists it either), and the status line says
 * where the member finds the answer; the focus moves there, as the form it was in is gone.
 */
import { useTranslations } from "next-intl";
import { useRef, useState, type FormEvent } from "react";
import { api, fieldErrorsOf } from "@/components/shared/api-client";
import { ErrorAlert } from "@/components/shared/error-alert";
import { FieldError } from "@/components/shared/field-error";
import { useErrorText } from "@/components/shared/use-error-text";
import { ANSWER_MAX_LENGTH, type InquiryKind } from "@/lib/support/support-inquiry";
import "./support-inbox.css";

export interface InboxInquiry {
  id: string;
  uid: string;
  kind: InquiryKind;
  message: string;
  /** When it came, already written out in the page's language and zone. */
  received: string;
}

function InquiryAnswerForm({ inquiryId, onAnswered }: { inquiryId: string; onAnswered: () => void }) {
  const t = useTranslations("staff.inbox");
  const errorText = useErrorText();
  const [answer, setAnswer] = useState("");
  const [busy, setBusy] = useState(false);
  const [fieldError, setFieldError] = useState<string | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  const field = `answer-${inquiryId}`;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setFieldError(undefined);
    try {
      await api(`/api/staff/inquiries/${inquiryId}/answer`, { method: "POST", body: { answer } });
      onAnswered();
    } catch (caught) {
      const fields = fieldErrorsOf(caught);
      if (fields.answer) setFieldError(fields.answer);
      else setError(errorText(caught));
      setBusy(false);
    }
  }

  return (
    <form className="form" onSubmit={submit} noValidate>
      <div className="field">
        <label htmlFor={field}>{t("answer")}</label>
        <textarea
          id={field}
          rows={5}
          maxLength={ANSWER_MAX_LENGTH}
          value={answer}
          onChange={(event) => setAnswer(event.target.value)}
          disabled={busy}
          aria-invalid={fieldError ? true : undefined}
          aria-describedby={fieldError ? `${field}-error` : undefined}
        />
        <FieldError id={`${field}-error`} message={fieldError} />
      </div>
      <div className="actions">
        <button type="submit" className="button" disabled={busy}>
          {t("submit")}
        </button>
      </div>
      <ErrorAlert message={error} />
    </form>
  );
}

export function SupportInbox({ inquiries }: { inquiries: InboxInquiry[] }) {
  const t = useTranslations("staff.inbox");
  const [answered, setAnswered] = useState<string[]>([]);
  const status = useRef<HTMLParagraphElement>(null);
  const open = inquiries.filter((inquiry) => !answered.includes(inquiry.id));

  function leave(id: string) {
    setAnswered((ids) => [...ids, id]);
    status.current?.focus();
  }

  return (
    <>
      <p role="status" ref={status} tabIndex={-1}>
        {answered.length > 0 ? t("answered") : null}
      </p>
      {open.length === 0 ? <p>{t("empty")}</p> : null}
      <ul className="staff-inquiries">
        {open.map((inquiry) => (
          <li key={inquiry.id} data-testid={`inquiry-${inquiry.id}`}>
            <p>
              <strong>{t(`kinds.${inquiry.kind}`)}</strong>
              {" · "}
              {t("received", { received: inquiry.received })}
              {" · "}
              <code>{inquiry.uid}</code>
            </p>
            <p className="staff-inquiry__message">{inquiry.message}</p>
            <InquiryAnswerForm inquiryId={inquiry.id} onAnswered={() => leave(inquiry.id)} />
          </li>
        ))}
      </ul>
    </>
  );
}
