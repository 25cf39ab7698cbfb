"use client";

/** One waiting refund's decision, with its reason: approve what is filled in (the whole request by default), or reject. */
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { api, fieldErrorsOf } from "@/components/shared/api-client";
import { ErrorAlert } from "@/components/shared/error-alert";
import { useErrorText } from "@/components/shared/use-error-text";

interface RefundDecisionProps {
  refundId: string;
  amount: number;
  points: number;
}

export function RefundDecision({ refundId, amount, points }: RefundDecisionProps) {
  const t = useTranslations("staff.console");
  const errorText = useErrorText();
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [reason, setReason] = useState("");
  const [reasonError, setReasonError] = useState<string | null>(null);

  async function decide(path: "approve" | "reject", body: Record<string, unknown>) {
    setError(null);
    setReasonError(null);
    setBusy(true);
    try {
      const refund = await api<{ status: string }>(`/api/staff/refunds/${refundId}/${path}`, {
        method: "POST",
        body: { ...body, reason },
      });
      setDone(path === "approve" ? t("approved", { status: refund.status }) : t("rejected"));
    } catch (caught) {
      setBusy(false);
      const fields = fieldErrorsOf(caught);
      if (fields.reason) setReasonError(fields.reason);
      else setError(errorText(caught));
    }
  }

  function approve(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    void decide("approve", { amount: Number(data.get("amount")), points: Number(data.get("points")) });
  }

  if (done) return <p role="status">{done}</p>;
  return (
    <form className="refund-decision" onSubmit={approve}>
      <label htmlFor={`amount-${refundId}`}>{t("amount")}</label>
      <input id={`amount-${refundId}`} name="amount" type="number" min={1} defaultValue={amount} disabled={busy} />
      <label htmlFor={`points-${refundId}`}>{t("points")}</label>
      <input id={`points-${refundId}`} name="points" type="number" min={0} defaultValue={points} disabled={busy} />
      <label htmlFor={`reason-${refundId}`}>{t("decisionReason")}</label>
      <textarea
        id={`reason-${refundId}`}
        rows={2}
        maxLength={1000}
        value={reason}
        onChange={(event) => setReason(event.target.value)}
        disabled={busy}
        aria-invalid={reasonError ? true : undefined}
        aria-describedby={reasonError ? `reason-${refundId}-error` : `reason-${refundId}-hint`}
      />
      <p id={`reason-${refundId}-hint`} className="hint">
        {t("decisionReasonHint")}
      </p>
      {reasonError ? (
        <p id={`reason-${refundId}-error`} className="field-error">
          {reasonError}
        </p>
      ) : null}
      <button type="submit" className="button" disabled={busy}>
        {t("approve")}
      </button>
      <button
        type="button"
        className="button button--secondary"
        disabled={busy}
        onClick={() => void decide("reject", {})}
      >
        {t("reject")}
      </button>
      <ErrorAlert message={error} />
    </form>
  );
}
