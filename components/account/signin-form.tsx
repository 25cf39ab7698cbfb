"use client";

/** Sign-in with email and password (or Google), then on to the page asked for. */
import { useLocale, useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { Link, useRouter } from "@/i18n/navigation";
import { ErrorAlert } from "@/components/shared/error-alert";
import { TextField } from "@/components/shared/text-field";
import { useFormErrors } from "@/components/shared/use-form-errors";
import { usePublicConfig } from "@/components/layout/public-config";
import { signInWithEmail } from "./firebase-client";
import { GoogleSignInButton } from "./google-sign-in-button";
import { destinationAfterSignIn, startServerSession } from "./sign-in-flow";
import { useErrorText } from "./use-error-text";

export function SigninForm() {
  const config = usePublicConfig();
  const router = useRouter();
  const locale = useLocale();
  const t = useTranslations("account");
  const errorText = useErrorText();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const form = useFormErrors(() => ({
    ...(email.trim() ? {} : { email: t("validation.emailRequired") }),
    ...(password ? {} : { password: t("validation.passwordRequired") }),
  }));

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFormError(null);
    if (!form.attempt()) return;
    setBusy(true);
    try {
      const user = await signInWithEmail(config, email.trim(), password);
      await startServerSession(user);
      const destination = await destinationAfterSignIn(locale);
      router.push(destination.href, { locale: destination.locale });
    } catch (caught) {
      setBusy(false);
      setFormError(errorText(caught));
    }
  }

  return (
    <>
      <form className="form" onSubmit={submit} noValidate>
        <TextField
          id="signin-email"
          label={t("fields.email")}
          type="email"
          autoComplete="email"
          value={email}
          onChange={setEmail}
          error={form.errors.email}
          disabled={busy}
        />
        <TextField
          id="signin-password"
          label={t("fields.password")}
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={setPassword}
          error={form.errors.password}
          disabled={busy}
          revealLabel={t("fields.showPassword")}
        />
        <ErrorAlert message={form.hasErrors ? t("validation.correctMarked") : formError} />
        <button type="submit" className="button button--wide" disabled={busy}>
          {t("signIn.submit")}
        </button>
        <p className="form-footer">
          <Link href="/reset-password">{t("signIn.forgot")}</Link>
        </p>
      </form>
      <p className="divider">{t("signIn.or")}</p>
      <GoogleSignInButton disabled={busy} />
      <p className="form-footer">
        {t.rich("signIn.newHere", { link: (chunks) => <Link href="/signup">{chunks}</Link> })}
      </p>
    </>
  );
}
