"use client";

/** What staff do with one open privacy request: check an agent's power of attorney, then carry it out. */
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { api } from "@/components/shared/api-client";
import { ErrorAlert } from "@/components/shared/error-alert";
import { useErrorText } from "@/components/shared/use-error-text";
import type { PrivacyRequestAction } from "@/lib/privacy/privacy-request";

interface PrivacyRequestActionsProps {
  requestId: string;
  action: PrivacyRequestAction | null;
  agentPending: boolean;
}

function text(data: FormData, name: string): string {
  const value = data.get(name);
  return typeof value === "string" ? value.trim() : "";
}

export function PrivacyRequestActions({ requestId, action, agentPending }: PrivacyRequestActionsProps) {
  const t = useTranslations("staff.privacyQueue");
  const errorText = useErrorText();
  const [agentChecked, setAgentChecked] = useState(!agentPending);
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function send(path: string, body: unknown): Promise<unknown> {
    setError(null);
    setBusy(true);
    try {
      return await api(`/api/staff/privacy-requests/${requestId}/${path}`, { method: "POST", body });
    } catch (caught) {
      setError(errorText(caught));
      return null;
    } finally {
      setBusy(false);
    }
  }

  async function verifyAgent(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const answer = await send("agent", {
      decision: "verified",
      document: text(new FormData(event.currentTarget), "document"),
    });
    if (answer) setAgentChecked(true);
  }

  async function execute(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const name = text(new FormData(event.currentTarget), "name");
    const answer = (await send("execute", action === "correct-name" ? { action, name } : { action })) as {
      memberMailed: boolean;
    } | null;
    if (answer) setDone(t("executed", { mailed: String(answer.memberMailed) }));
  }

  if (done) return <p role="status">{done}</p>;
  return (
    <div className="privacy-request-actions">
      {agentChecked ? null : (
        <form onSubmit={verifyAgent}>
          <label htmlFor={`document-${requestId}`}>{t("agentDocument")}</label>
          <input id={`document-${requestId}`} name="document" required disabled={busy} />
          <button type="submit" className="button button--secondary" disabled={busy}>
            {t("agentVerify")}
          </button>
        </form>
      )}
      {action && agentChecked ? (
        <form onSubmit={execute}>
          {action === "correct-name" ? (
            <>
              <label htmlFor={`name-${requestId}`}>{t("newName")}</label>
              <input id={`name-${requestId}`} name="name" required disabled={busy} />
            </>
          ) : null}
          <button type="submit" className="button" disabled={busy}>
            {t(`actions.${action}`)}
          </button>
        </form>
      ) : null}
      <ErrorAlert message={error} />
    </div>
  );
}
