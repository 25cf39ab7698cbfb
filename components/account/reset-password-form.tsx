"use client";

/** Asks for a password-reset link. The answer is the same whether or not the address has an account. */
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { Link } from "@/i18n/navigation";
import { api, fieldErrorsOf, messageOf } from "@/components/shared/api-client";
import { ErrorAlert } from "@/components/shared/error-alert";
import { TextField } from "@/components/shared/text-field";
import { useFocusField, useFormErrors, type FieldErrors } from "@/components/shared/use-form-errors";
import { usePublicConfig } from "@/components/layout/public-config";

export function ResetPasswordForm() {
  const config = usePublicConfig();
  const t = useTranslations("account");
  const [email, setEmail] = useState("");
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [sent, setSent] = useState(false);
  const focusField = useFocusField();
  const form = useFormErrors((): FieldErrors => (email.trim() ? {} : { email: t("validation.emailRequired") }));

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFormError(null);
    if (!form.attempt()) {
      focusField("reset-email");
      return;
    }
    setBusy(true);
    try {
      await api("/api/password-reset", { method: "POST", body: { email: email.trim() } });
      setSent(true);
    } catch (caught) {
      const fields = fieldErrorsOf(caught);
      form.setServerErrors(fields);
      if (fields.email) focusField("reset-email");
      else setFormError(messageOf(caught));
    } finally {
      setBusy(false);
    }
  }

  if (sent) {
    return (
      <div role="status" className="notice notice--success">
        <p>{t("reset.sent", { email: email.trim() })}</p>
        {config.appMode === "local" ? <p>{t("reset.localMailbox")}</p> : null}
        <p>
          <Link href="/signin">{t("reset.backToSignIn")}</Link>
        </p>
      </div>
    );
  }

  return (
    <form className="form" onSubmit={submit} noValidate>
      <TextField
        id="reset-email"
        label={t("fields.email")}
        type="email"
        autoComplete="email"
        value={email}
        onChange={(value) => {
          setEmail(value);
          form.edited("email");
        }}
        error={form.errors.email}
        disabled={busy}
      />
      <ErrorAlert message={formError} />
      <button type="submit" className="button button--wide" disabled={busy}>
        {t("reset.submit")}
      </button>
      <p className="form-footer">
        <Link href="/signin">{t("reset.backToSignIn")}</Link>
      </p>
    </form>
  );
}
