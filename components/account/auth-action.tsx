"use client";

/** The target of the links we mail: confirm an email address, or choose a new password. */
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { Link } from "@/i18n/navigation";
import { ErrorAlert } from "@/components/shared/error-alert";
import { TextField } from "@/components/shared/text-field";
import { useFocusField, useFormErrors, type FieldErrors } from "@/components/shared/use-form-errors";
import { usePublicConfig } from "@/components/layout/public-config";
import { asSignInError, confirmEmailWithCode, passwordResetCodeEmail, resetPasswordWithCode } from "./firebase-client";
import { useErrorText } from "./use-error-text";

const MIN_PASSWORD = 8;

export function AuthAction({ mode, oobCode }: { mode: string | null; oobCode: string | null }) {
  const t = useTranslations("account.action.invalid");
  if (!oobCode || (mode !== "verifyEmail" && mode !== "verifyAndChangeEmail" && mode !== "resetPassword")) {
    return (
      <>
        <h1>{t("heading")}</h1>
        <p role="alert" className="error">
          {t("body")}
        </p>
        <p>
          <Link href="/signin">{t("signIn")}</Link>
        </p>
      </>
    );
  }
  // A change of address (My page) is confirmed as an address is: by applying the code sent to it.
  return mode === "resetPassword" ? <ResetPassword oobCode={oobCode} /> : <VerifyEmail oobCode={oobCode} />;
}

function VerifyEmail({ oobCode }: { oobCode: string }) {
  const config = usePublicConfig();
  const t = useTranslations("account.action.verify");
  const errorText = useErrorText();
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
        setError(errorText(caught));
        setState("failed");
      },
    );
  }, [config, oobCode, errorText]);

  if (state === "working") {
    return (
      <>
        <h1>{t("workingHeading")}</h1>
        <p role="status">{t("working")}</p>
      </>
    );
  }
  if (state === "failed") {
    return (
      <>
        <h1>{t("failedHeading")}</h1>
        <p role="alert" className="error">
          {error}
        </p>
        <p>
          {t("failedHelp")} <Link href="/generate">{t("continue")}</Link>
        </p>
      </>
    );
  }
  return (
    <>
      <h1>{t("doneHeading")}</h1>
      <p role="status" className="notice notice--success">
        {t("done")}
      </p>
      <p>
        <Link href="/generate" className="button">
          {t("start")}
        </Link>
      </p>
    </>
  );
}

function ResetPassword({ oobCode }: { oobCode: string }) {
  const config = usePublicConfig();
  const t = useTranslations("account");
  const errorText = useErrorText();
  const focusField = useFocusField();
  const [email, setEmail] = useState<string | null>(null);
  const [password, setPassword] = useState("");
  const [formError, setFormError] = useState<string | null>(null);
  const [linkError, setLinkError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const form = useFormErrors((): FieldErrors =>
    password.length >= MIN_PASSWORD ? {} : { password: t("validation.passwordTooShort", { min: MIN_PASSWORD }) },
  );

  useEffect(() => {
    let live = true;
    passwordResetCodeEmail(config, oobCode).then(
      (address) => {
        if (live) setEmail(address);
      },
      (caught: unknown) => {
        if (live) setLinkError(errorText(caught));
      },
    );
    return () => {
      live = false;
    };
  }, [config, oobCode, errorText]);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFormError(null);
    if (!form.attempt()) {
      focusField("new-password");
      return;
    }
    setBusy(true);
    try {
      await resetPasswordWithCode(config, oobCode, password);
      setDone(true);
    } catch (caught) {
      setBusy(false);
      if (asSignInError(caught)?.field === "password") {
        form.setServerErrors({ password: errorText(caught) });
        focusField("new-password");
      } else {
        setFormError(errorText(caught));
      }
    }
  }

  if (done) {
    return (
      <>
        <h1>{t("action.reset.doneHeading")}</h1>
        <p role="status" className="notice notice--success">
          {t("action.reset.done")}
        </p>
        <p>
          <Link href="/signin" className="button">
            {t("action.reset.signIn")}
          </Link>
        </p>
      </>
    );
  }
  return (
    <>
      <h1>{t("action.reset.heading")}</h1>
      {linkError ? (
        <>
          <p role="alert" className="error">
            {linkError}
          </p>
          <p>
            <Link href="/reset-password">{t("action.reset.askAgain")}</Link>
          </p>
        </>
      ) : (
        <form className="form" onSubmit={submit} noValidate>
          {email ? <p>{t("action.reset.for", { email })}</p> : null}
          <TextField
            id="new-password"
            label={t("fields.newPassword")}
            type="password"
            autoComplete="new-password"
            value={password}
            onChange={(value) => {
              setPassword(value);
              form.edited("password");
            }}
            hint={t("fields.passwordHint", { min: MIN_PASSWORD })}
            minLength={MIN_PASSWORD}
            error={form.errors.password}
            disabled={busy}
            revealLabel={t("fields.showPassword")}
          />
          <ErrorAlert message={formError} />
          <button type="submit" className="button button--wide" disabled={busy}>
            {t("action.reset.submit")}
          </button>
        </form>
      )}
    </>
  );
}
