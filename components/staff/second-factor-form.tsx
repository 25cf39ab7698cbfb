"use client";

/** The second factor: a code from the app (the first one finishes enrolment and shows the recovery codes once), or a recovery code. */
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { Link, useRouter } from "@/i18n/navigation";
import { api } from "@/components/shared/api-client";
import { ErrorAlert } from "@/components/shared/error-alert";
import { useErrorText } from "@/components/shared/use-error-text";

export function SecondFactorForm({ enrolling }: { enrolling: boolean }) {
  const router = useRouter();
  const t = useTranslations("staff.secondFactor");
  const errorText = useErrorText();
  const [useRecovery, setUseRecovery] = useState(false);
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const entered = new FormData(event.currentTarget).get("code");
    const value = typeof entered === "string" ? entered.trim() : "";
    setError(null);
    setBusy(true);
    try {
      const answer = await api<{ recoveryCodes: string[] | null }>("/api/staff/second-factor", {
        method: "POST",
        body: useRecovery ? { recoveryCode: value } : { code: value },
      });
      if (answer.recoveryCodes) setRecoveryCodes(answer.recoveryCodes);
      else router.push("/staff/console");
    } catch (caught) {
      setBusy(false);
      setError(errorText(caught));
    }
  }

  if (recoveryCodes)
    return (
      <section aria-labelledby="recovery-heading">
        <h2 id="recovery-heading">{t("recoveryHeading")}</h2>
        <p>{t("recoveryIntro")}</p>
        <ul className="recovery-codes" data-testid="recovery-codes">
          {recoveryCodes.map((code) => (
            <li key={code}>
              <code>{code}</code>
            </li>
          ))}
        </ul>
        <Link className="button" href="/staff/console">
          {t("continue")}
        </Link>
      </section>
    );

  return (
    <form className="form" onSubmit={submit}>
      <label htmlFor="second-factor-code">{useRecovery ? t("recoveryCode") : t("code")}</label>
      <input
        id="second-factor-code"
        name="code"
        key={useRecovery ? "recovery" : "code"}
        autoComplete="one-time-code"
        inputMode={useRecovery ? "text" : "numeric"}
        required
        disabled={busy}
      />
      <ErrorAlert message={error} />
      <button type="submit" className="button button--wide" disabled={busy}>
        {t("submit")}
      </button>
      {enrolling ? null : (
        <button type="button" className="button button--secondary" onClick={() => setUseRecovery(!useRecovery)}>
          {t("recoveryToggle")}
        </button>
      )}
    </form>
  );
}
