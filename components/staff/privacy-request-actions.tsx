"use client";

/**
 * What staff do with one open privacy request: check an agent's power of attorney
 * (verified, or refused with the reason the requester is told), then carry it out, or
 * close it (refused, answered, or completed outside the console) with what the member
 * is told. A refused agent's request cannot be carried out, only closed.
 */
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { api, fieldErrorsOf } from "@/components/shared/api-client";
import { ErrorAlert } from "@/components/shared/error-alert";
import { FieldError } from "@/components/shared/field-error";
import { useErrorText } from "@/components/shared/use-error-text";
import {
  PRIVACY_REQUEST_OUTCOMES,
  type AgentCheck,
  type PrivacyRequestAction,
  type PrivacyRequestOutcome,
} from "@/lib/privacy/privacy-request";

interface PrivacyRequestActionsProps {
  requestId: string;
  action: PrivacyRequestAction | null;
  agentCheck: AgentCheck | null;
  agentRefusalReason: string | null;
}

type AgentDecision = "verified" | "refused";

function text(data: FormData, name: string): string {
  const value = data.get(name);
  return typeof value === "string" ? value.trim() : "";
}

export function PrivacyRequestActions({
  requestId,
  action,
  agentCheck,
  agentRefusalReason,
}: PrivacyRequestActionsProps) {
  const t = useTranslations("staff.privacyQueue");
  const errorText = useErrorText();
  const [check, setCheck] = useState({ state: agentCheck, reason: agentRefusalReason, justRecorded: false });
  const [decision, setDecision] = useState<AgentDecision>("verified");
  const [done, setDone] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function send(path: string, body: unknown): Promise<unknown> {
    setError(null);
    setFieldErrors({});
    setBusy(true);
    try {
      return await api(`/api/staff/privacy-requests/${requestId}/${path}`, { method: "POST", body });
    } catch (caught) {
      const fields = fieldErrorsOf(caught);
      if (Object.keys(fields).length > 0) setFieldErrors(fields);
      else setError(errorText(caught));
      return null;
    } finally {
      setBusy(false);
    }
  }

  async function recordAgentCheck(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const document = text(data, "document");
    const reason = text(data, "reason");
    const answer = await send(
      "agent",
      decision === "verified" ? { decision, document } : { decision, document, reason },
    );
    if (answer) setCheck({ state: decision, reason: decision === "refused" ? reason : null, justRecorded: true });
  }

  async function execute(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const name = text(new FormData(event.currentTarget), "name");
    const answer = (await send("execute", action === "correct-name" ? { action, name } : { action })) as {
      memberMailed: boolean;
    } | null;
    if (answer) setDone(t("executed", { mailed: String(answer.memberMailed) }));
  }

  async function close(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const note = text(data, "note");
    const answer = await send("close", { outcome: text(data, "outcome"), note: note === "" ? null : note });
    if (answer) setDone(t("closed"));
  }

  if (done) return <p role="status">{done}</p>;
  const ids = {
    document: `document-${requestId}`,
    reason: `reason-${requestId}`,
    name: `name-${requestId}`,
    outcome: `outcome-${requestId}`,
    note: `note-${requestId}`,
  };
  return (
    <div className="privacy-request-actions">
      {check.state === "pending" ? (
        <form className="form" onSubmit={recordAgentCheck} noValidate>
          <fieldset>
            <legend>{t("agentHeading")}</legend>
            <div className="field">
              <label htmlFor={ids.document}>{t("agentDocument")}</label>
              <input
                id={ids.document}
                name="document"
                type="text"
                disabled={busy}
                aria-invalid={fieldErrors.document ? true : undefined}
                aria-describedby={fieldErrors.document ? `${ids.document}-error` : undefined}
              />
              <FieldError id={`${ids.document}-error`} message={fieldErrors.document} />
            </div>
            <fieldset>
              <legend>{t("agentDecision")}</legend>
              {(["verified", "refused"] as const).map((option) => (
                <div className="check" key={option}>
                  <input
                    id={`decision-${option}-${requestId}`}
                    type="radio"
                    name="decision"
                    value={option}
                    checked={decision === option}
                    onChange={() => setDecision(option)}
                    disabled={busy}
                  />
                  <label htmlFor={`decision-${option}-${requestId}`}>
                    {option === "verified" ? t("agentProves") : t("agentRefuse")}
                  </label>
                </div>
              ))}
            </fieldset>
            {decision === "refused" ? (
              <div className="field">
                <label htmlFor={ids.reason}>{t("agentReason")}</label>
                <textarea
                  id={ids.reason}
                  name="reason"
                  rows={3}
                  maxLength={2000}
                  disabled={busy}
                  aria-invalid={fieldErrors.reason ? true : undefined}
                  aria-describedby={fieldErrors.reason ? `${ids.reason}-error` : undefined}
                />
                <FieldError id={`${ids.reason}-error`} message={fieldErrors.reason} />
              </div>
            ) : null}
            <div className="actions">
              <button type="submit" className="button button--secondary" disabled={busy}>
                {t("agentSubmit")}
              </button>
            </div>
          </fieldset>
        </form>
      ) : null}
      {check.state === "verified" && check.justRecorded ? <p role="status">{t("agentVerified")}</p> : null}
      {check.state === "refused" ? (
        <p role={check.justRecorded ? "status" : undefined}>{t("agentRefused", { reason: check.reason ?? "-" })}</p>
      ) : null}
      {action && (check.state === null || check.state === "verified") ? (
        <form onSubmit={execute} noValidate>
          {action === "correct-name" ? (
            <div className="field">
              <label htmlFor={ids.name}>{t("newName")}</label>
              <input
                id={ids.name}
                name="name"
                type="text"
                disabled={busy}
                aria-invalid={fieldErrors.name ? true : undefined}
                aria-describedby={fieldErrors.name ? `${ids.name}-error` : undefined}
              />
              <FieldError id={`${ids.name}-error`} message={fieldErrors.name} />
            </div>
          ) : null}
          <button type="submit" className="button" disabled={busy}>
            {t(`actions.${action}`)}
          </button>
        </form>
      ) : null}
      {check.state !== "pending" ? (
        <form className="form" onSubmit={close} noValidate>
          <fieldset>
            <legend>{t("closeHeading")}</legend>
            <div className="field">
              <label htmlFor={ids.outcome}>{t("outcome")}</label>
              <select
                id={ids.outcome}
                name="outcome"
                defaultValue={check.state === "refused" ? "refused" : "answered"}
                disabled={busy}
              >
                {PRIVACY_REQUEST_OUTCOMES.map((outcome: PrivacyRequestOutcome) => (
                  <option key={outcome} value={outcome}>
                    {t(`outcomes.${outcome}`)}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor={ids.note}>{t("note")}</label>
              <textarea
                id={ids.note}
                name="note"
                rows={3}
                maxLength={5000}
                disabled={busy}
                aria-invalid={fieldErrors.note ? true : undefined}
                aria-describedby={fieldErrors.note ? `${ids.note}-error` : undefined}
              />
              <FieldError id={`${ids.note}-error`} message={fieldErrors.note} />
            </div>
            <div className="actions">
              <button type="submit" className="button button--secondary" disabled={busy}>
                {t("closeSubmit")}
              </button>
            </div>
          </fieldset>
        </form>
      ) : null}
      <ErrorAlert message={error} />
    </div>
  );
}
