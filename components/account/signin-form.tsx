"use client";

/** Sign-in with email and password (or Google), then on to the page asked for. */
import { Link } from "@/i18n/navigation";
import { useRouter } from "@/i18n/navigation";
import { useState, type FormEvent } from "react";
import { ApiError } from "@/components/shared/api-client";
import { describeAuthError, signInWithEmail } from "./firebase-client";
import { GoogleSignInButton } from "./google-sign-in-button";
import { usePublicConfig } from "@/components/layout/public-config";
import { destinationAfterSignIn, startServerSession } from "./sign-in-flow";
import { TextField } from "@/components/shared/text-field";
import { ErrorAlert } from "@/components/shared/error-alert";

export function SigninForm() {
  const config = usePublicConfig();
  const router = useRouter();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!email.trim()) found.email = "Enter your email address.";
    if (!password) found.password = "Enter your password.";
    setErrors(found);
    if (Object.keys(found).length > 0) {
      setFormError("Please fill in your email and password.");
      return;
    }
    setFormError(null);
    setBusy(true);
    try {
      const user = await signInWithEmail(config, email.trim(), password);
      await startServerSession(user);
      router.push(await destinationAfterSignIn());
    } catch (caught) {
      setBusy(false);
      setFormError(caught instanceof ApiError ? caught.message : describeAuthError(caught));
    }
  }

  return (
    <>
      <form className="form" onSubmit={submit} noValidate>
        <TextField
          id="signin-email"
          label="Email"
          type="email"
          autoComplete="email"
          value={email}
          onChange={setEmail}
          error={errors.email}
          disabled={busy}
        />
        <TextField
          id="signin-password"
          label="Password"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={setPassword}
          error={errors.password}
          disabled={busy}
        />
        <ErrorAlert message={formError} />
        <button type="submit" className="button button--wide" disabled={busy}>
          Sign in
        </button>
        <p className="form-footer">
          <Link href="/reset-password">Forgot your password?</Link>
        </p>
      </form>
      <p className="divider">or</p>
      <GoogleSignInButton disabled={busy} />
      <p className="form-footer">
        New here? <Link href="/signup">Create an account</Link>
      </p>
    </>
  );
}
