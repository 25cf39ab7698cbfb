"use client";

/**
 * Sign-up with email and password: Firebase creates the sign-in account, the API
 * starts the session, records name, age, consents and language, and mails the
 * confirmation link. A retry after a half-finished attempt picks up where it stopped.
 */
import { useLocale, useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { Link, useRouter } from "@/i18n/navigation";
import { api, ApiError, fieldErrorsOf } from "@/components/shared/api-client";
import { ErrorAlert } from "@/components/shared/error-alert";
import { TextField } from "@/components/shared/text-field";
import { useFormErrors } from "@/components/shared/use-form-errors";
import { usePublicConfig } from "@/components/layout/public-config";
import type { ConsentDocumentPaths } from "@/lib/accounts/consent-version";
import { ConsentFields, INITIAL_CONSENTS, useMissingConsents, type ConsentState } from "./consent-fields";
import { createEmailAccount, currentUser, SignInError, type SignedInUser } from "./firebase-client";
import { GoogleSignInButton } from "./google-sign-in-button";
import { completeAccount, startServerSession } from "./sign-in-flow";
import { useErrorText } from "./use-error-text";

const MIN_PASSWORD = 8;

export function SignupForm({ documentPaths }: { documentPaths: ConsentDocumentPaths }) {
  const config = usePublicConfig();
  const router = useRouter();
  const locale = useLocale();
  const t = useTranslations("account");
  const errorText = useErrorText();
  const missingConsents = useMissingConsents();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [name, setName] = useState("");
  const [consents, setConsents] = useState<ConsentState>(INITIAL_CONSENTS);
  const [formError, setFormError] = useState<string | null>(null);
  const [progress, setProgress] = useState<string | null>(null);
  const form = useFormErrors(() => ({
    ...(email.trim() ? {} : { email: t("validation.emailRequired") }),
    ...(password.length >= MIN_PASSWORD ? {} : { password: t("validation.passwordTooShort", { min: MIN_PASSWORD }) }),
    ...(name.trim() ? {} : { name: t("validation.nameRequired") }),
    ...missingConsents(consents),
  }));

  async function firebaseUser(): Promise<SignedInUser> {
    const current = currentUser(config);
    if (current?.email && current.email.toLowerCase() === email.trim().toLowerCase()) return current;
    return createEmailAccount(config, email.trim(), password);
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFormError(null);
    if (!form.attempt()) return;
    try {
      setProgress(t("signUp.creating"));
      const user = await firebaseUser();
      await startServerSession(user);
      await completeAccount({ name, consents, locale });
      setProgress(t("signUp.sendingMail"));
      // The banner on every member page offers to resend, so a failed mail does not block sign-up.
      await api("/api/account/verification-email", { method: "POST" }).catch(() => undefined);
      router.push("/generate");
    } catch (caught) {
      setProgress(null);
      const fields =
        caught instanceof SignInError && caught.field
          ? { [caught.field]: errorText(caught) }
          : caught instanceof ApiError
            ? fieldErrorsOf(caught)
            : {};
      form.setServerErrors(fields);
      if (Object.keys(fields).length === 0) setFormError(errorText(caught));
    }
  }

  function edit<T>(field: string, set: (value: T) => void): (value: T) => void {
    return (value) => {
      set(value);
      form.edited(field);
    };
  }

  const busy = progress !== null;
  return (
    <>
      <form className="form" onSubmit={submit} noValidate>
        <TextField
          id="signup-email"
          label={t("fields.email")}
          type="email"
          autoComplete="email"
          value={email}
          onChange={edit("email", setEmail)}
          error={form.errors.email}
          disabled={busy}
        />
        <TextField
          id="signup-password"
          label={t("fields.password")}
          type="password"
          autoComplete="new-password"
          value={password}
          onChange={edit("password", setPassword)}
          error={form.errors.password}
          hint={t("fields.passwordHint", { min: MIN_PASSWORD })}
          minLength={MIN_PASSWORD}
          disabled={busy}
          revealLabel={t("fields.showPassword")}
        />
        <TextField
          id="signup-name"
          label={t("fields.name")}
          type="text"
          autoComplete="name"
          value={name}
          onChange={edit("name", setName)}
          error={form.errors.name}
          maxLength={80}
          disabled={busy}
        />
        <ConsentFields
          documentPaths={documentPaths}
          value={consents}
          onChange={(next, changed) => {
            setConsents(next);
            form.edited(...changed);
          }}
          errors={form.errors}
          disabled={busy}
        />
        <ErrorAlert message={form.hasErrors ? t("validation.correctMarked") : formError} />
        {progress ? <p role="status">{progress}</p> : null}
        <button type="submit" className="button button--wide" disabled={busy}>
          {t("signUp.submit")}
        </button>
      </form>
      <p className="divider">{t("signIn.or")}</p>
      <GoogleSignInButton disabled={busy} />
      <p className="form-footer">
        {t.rich("signUp.haveAccount", { link: (chunks) => <Link href="/signin">{chunks}</Link> })}
      </p>
    </>
  );
}
