"use client";

/** Asks for a password-reset link. The answer is the same whether or not the address has an account. */
import { Link } from "@/i18n/navigation";
import { useState, type FormEvent } from "react";
import { api, fieldErrorsOf, messageOf } from "@/components/shared/api-client";
import { usePublicConfig } from "@/components/layout/public-config";
import { TextField } from "@/components/shared/text-field";
import { ErrorAlert } from "@/components/shared/error-alert";

export function ResetPasswordForm() {
  const config = usePublicConfig();
  const [email, setEmail] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [sent, setSent] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!email.trim()) {
      setError("Enter your email address.");
      return;
    }
    setError(null);
    setBusy(true);
    try {
      await api("/api/password-reset", { method: "POST", body: { email: email.trim() } });
      setSent(true);
    } catch (caught) {
      setError(fieldErrorsOf(caught).email ?? messageOf(caught));
    } finally {
      setBusy(false);
    }
  }

  if (sent) {
    return (
      <div role="status" className="notice notice--success">
        <p>
          If an account exists for {email.trim()}, we sent a link to choose a new password. It may take a minute to
          arrive.
        </p>
        {config.appMode === "local" ? <p>Running locally: the mail is in the Mailbox (see the menu).</p> : null}
        <p>
          <Link href="/signin">Back to the sign-in page</Link>
        </p>
      </div>
    );
  }

  return (
    <form className="form" onSubmit={submit} noValidate>
      <TextField
        id="reset-email"
        label="Email"
        type="email"
        autoComplete="email"
        value={email}
        onChange={setEmail}
        error={error ?? undefined}
        disabled={busy}
      />
      <ErrorAlert message={error} />
      <button type="submit" className="button button--wide" disabled={busy}>
        Send reset link
      </button>
      <p className="form-footer">
        <Link href="/signin">Back to the sign-in page</Link>
      </p>
    </form>
  );
}
