"use client";

/** The target of the links we mail: confirm an email address, or choose a new password. */
import { Link } from "@/i18n/navigation";
import { useEffect, useRef, useState, type FormEvent } from "react";
import {
  confirmEmailWithCode,
  describeAuthError,
  passwordResetCodeEmail,
  resetPasswordWithCode,
} from "./firebase-client";
import { usePublicConfig } from "@/components/layout/public-config";
import { TextField } from "@/components/shared/text-field";
import { ErrorAlert } from "@/components/shared/error-alert";

export function AuthAction({ mode, oobCode }: { mode: string | null; oobCode: string | null }) {
  if (!oobCode || (mode !== "verifyEmail" && mode !== "resetPassword")) {
    return (
      <>
        <h1>This link does not work</h1>
        <p role="alert" className="error">
          The link is incomplete. Open it again from the mail, or ask for a new one.
        </p>
        <p>
          <Link href="/signin">Go to the sign-in page</Link>
        </p>
      </>
    );
  }
  return mode === "verifyEmail" ? <VerifyEmail oobCode={oobCode} /> : <ResetPassword oobCode={oobCode} />;
}

function VerifyEmail({ oobCode }: { oobCode: string }) {
  const config = usePublicConfig();
  const [state, setState] = useState<"working" | "done" | "failed">("working");
  const [error, setError] = useState<string | null>(null);
  const started = useRef(false);

  useEffect(() => {
    // A code works once; never apply it twice (React may run effects twice in development).
    if (started.current) return;
    started.current = true;
    confirmEmailWithCode(config, oobCode).then(
      () => setState("done"),
      (caught: unknown) => {
        setError(describeAuthError(caught));
        setState("failed");
      },
    );
  }, [config, oobCode]);

  if (state === "working") {
    return (
      <>
        <h1>Confirming your email</h1>
        <p role="status">One moment…</p>
      </>
    );
  }
  if (state === "failed") {
    return (
      <>
        <h1>Your email was not confirmed</h1>
        <p role="alert" className="error">
          {error}
        </p>
        <p>
          Sign in and use <strong>Resend confirmation</strong> to get a new link. <Link href="/generate">Continue</Link>
        </p>
      </>
    );
  }
  return (
    <>
      <h1>Email confirmed</h1>
      <p role="status" className="notice notice--success">
        Thank you: your email address is confirmed.
      </p>
      <p>
        <Link href="/generate" className="button">
          Start generating
        </Link>
      </p>
    </>
  );
}

function ResetPassword({ oobCode }: { oobCode: string }) {
  const config = usePublicConfig();
  const [email, setEmail] = useState<string | null>(null);
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [linkError, setLinkError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);

  useEffect(() => {
    let live = true;
    passwordResetCodeEmail(config, oobCode).then(
      (address) => {
        if (live) setEmail(address);
      },
      (caught: unknown) => {
        if (live) setLinkError(describeAuthError(caught));
      },
    );
    return () => {
      live = false;
    };
  }, [config, oobCode]);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (password.length < 8) {
      setError("Use at least 8 characters.");
      return;
    }
    setError(null);
    setBusy(true);
    try {
      await resetPasswordWithCode(config, oobCode, password);
      setDone(true);
    } catch (caught) {
      setError(describeAuthError(caught));
      setBusy(false);
    }
  }

  if (done) {
    return (
      <>
        <h1>Password changed</h1>
        <p role="status" className="notice notice--success">
          Your password was changed. Sign in with the new one.
        </p>
        <p>
          <Link href="/signin" className="button">
            Continue to the sign-in page
          </Link>
        </p>
      </>
    );
  }
  return (
    <>
      <h1>Choose a new password</h1>
      {linkError ? (
        <>
          <p role="alert" className="error">
            {linkError}
          </p>
          <p>
            <Link href="/reset-password">Ask for a new link</Link>
          </p>
        </>
      ) : (
        <form className="form" onSubmit={submit} noValidate>
          {email ? <p>For {email}</p> : null}
          <TextField
            id="new-password"
            label="New password"
            type="password"
            autoComplete="new-password"
            value={password}
            onChange={setPassword}
            hint="At least 8 characters."
            minLength={8}
            error={error ?? undefined}
            disabled={busy}
          />
          <ErrorAlert message={error} />
          <button type="submit" className="button button--wide" disabled={busy}>
            Change password
          </button>
        </form>
      )}
    </>
  );
}
