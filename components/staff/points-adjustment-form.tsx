"use client";

/**
 * An admin's adjustment of one member's points: how many (a credit or a debit), why,
 * and which of the member's orders, generations or ledger entries it corrects. The
 * same adjustment sent again after a lost answer keeps its Idempotency-Key and is
 * booked once; once it succeeds, or its content changes, the next one gets a new key.
 */
import { useTranslations } from "next-intl";
import { useRef, useState, type FormEvent } from "react";
import { api, fieldErrorsOf } from "@/components/shared/api-client";
import { ErrorAlert } from "@/components/shared/error-alert";
import { FieldError } from "@/components/shared/field-error";
import { newIdempotencyKey } from "@/components/shared/idempotency-key";
import { useErrorText } from "@/components/shared/use-error-text";
import type { AdjustPointsOptions, PointsAdjustment } from "@/lib/points/adjust-points";

type CorrectingKind = AdjustPointsOptions["correcting"]["kind"];
const CORRECTING_KINDS: readonly CorrectingKind[] = ["order", "generation", "ledger-entry"];

const IDS = {
  delta: "adjust-delta",
  reason: "adjust-reason",
  correctingKind: "adjust-correcting-kind",
  correctingId: "adjust-correcting-id",
} as const;

/** The API names the corrected record's fields by their path; the form shows both beside the ID. */
function errorsByField(fields: Record<string, string>): Partial<Record<keyof typeof IDS, string>> {
  return {
    delta: fields.delta,
    reason: fields.reason,
    correctingKind: fields["correcting.kind"],
    correctingId: fields["correcting.id"] ?? fields.correcting,
  };
}

export function PointsAdjustmentForm({ memberUid }: { memberUid: string }) {
  const t = useTranslations("staff.adjust");
  const errorText = useErrorText();
  const [delta, setDelta] = useState("");
  const [reason, setReason] = useState("");
  const [kind, setKind] = useState<CorrectingKind>("order");
  const [correctingId, setCorrectingId] = useState("");
  const [busy, setBusy] = useState(false);
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<keyof typeof IDS, string>>>({});
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  // The same adjustment sent again (after a lost answer) keeps its key, so it is booked once.
  const attempt = useRef<{ content: string; key: string } | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const body = { delta: Number(delta), reason, correcting: { kind, id: correctingId.trim() } };
    const content = JSON.stringify(body);
    if (attempt.current?.content !== content) attempt.current = { content, key: newIdempotencyKey() };
    setBusy(true);
    setError(null);
    setFieldErrors({});
    setDone(null);
    try {
      const adjusted = await api<PointsAdjustment>(`/api/staff/members/${memberUid}/points`, {
        method: "POST",
        headers: { "idempotency-key": attempt.current.key },
        body,
      });
      attempt.current = null;
      setDone(t("done", { balance: adjusted.balance, free: adjusted.freeBalance }));
      setDelta("");
      setReason("");
      setCorrectingId("");
    } catch (caught) {
      const fields = errorsByField(fieldErrorsOf(caught));
      if (Object.values(fields).some(Boolean)) setFieldErrors(fields);
      else setError(errorText(caught));
    } finally {
      setBusy(false);
    }
  }

  const described = (field: keyof typeof IDS) => (fieldErrors[field] ? `${IDS[field]}-error` : undefined);
  return (
    <form className="form" onSubmit={submit} noValidate>
      <p>{t("intro")}</p>
      <div className="field">
        <label htmlFor={IDS.delta}>{t("delta")}</label>
        <input
          id={IDS.delta}
          type="text"
          inputMode="numeric"
          autoComplete="off"
          value={delta}
          onChange={(event) => setDelta(event.target.value)}
          disabled={busy}
          aria-invalid={fieldErrors.delta ? true : undefined}
          aria-describedby={described("delta") ?? `${IDS.delta}-hint`}
        />
        {fieldErrors.delta ? (
          <FieldError id={`${IDS.delta}-error`} message={fieldErrors.delta} />
        ) : (
          <p id={`${IDS.delta}-hint`} className="hint">
            {t("deltaHint")}
          </p>
        )}
      </div>
      <div className="field">
        <label htmlFor={IDS.reason}>{t("reason")}</label>
        <textarea
          id={IDS.reason}
          rows={3}
          maxLength={500}
          value={reason}
          onChange={(event) => setReason(event.target.value)}
          disabled={busy}
          aria-invalid={fieldErrors.reason ? true : undefined}
          aria-describedby={described("reason")}
        />
        <FieldError id={`${IDS.reason}-error`} message={fieldErrors.reason} />
      </div>
      <div className="field">
        <label htmlFor={IDS.correctingKind}>{t("correctingKind")}</label>
        <select
          id={IDS.correctingKind}
          value={kind}
          onChange={(event) => setKind(event.target.value as CorrectingKind)}
          disabled={busy}
          aria-invalid={fieldErrors.correctingKind ? true : undefined}
          aria-describedby={described("correctingKind")}
        >
          {CORRECTING_KINDS.map((option) => (
            <option key={option} value={option}>
              {t(`correctingKinds.${option}`)}
            </option>
          ))}
        </select>
        <FieldError id={`${IDS.correctingKind}-error`} message={fieldErrors.correctingKind} />
      </div>
      <div className="field">
        <label htmlFor={IDS.correctingId}>{t("correctingId")}</label>
        <input
          id={IDS.correctingId}
          type="text"
          autoComplete="off"
          spellCheck={false}
          value={correctingId}
          onChange={(event) => setCorrectingId(event.target.value)}
          disabled={busy}
          aria-invalid={fieldErrors.correctingId ? true : undefined}
          aria-describedby={described("correctingId")}
        />
        <FieldError id={`${IDS.correctingId}-error`} message={fieldErrors.correctingId} />
      </div>
      <div className="actions">
        <button type="submit" className="button" disabled={busy}>
          {t("submit")}
        </button>
      </div>
      {done ? <p role="status">{done}</p> : null}
      <ErrorAlert message={error} />
    </form>
  );
}
