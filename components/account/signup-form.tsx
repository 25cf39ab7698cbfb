"use client";

/**
 * Sign-up with email and password: Firebase creates the sign-in account, the API
 * starts the session, records name, age and consents, and mails the confirmation
 * link. A retry after a half-finished attempt picks up where it stopped.
 */
import { Link } from "@/i18n/navigation";
import { useRouter } from "@/i18n/navigation";
import { useState, type FormEvent } from "react";
import { api, ApiError, fieldErrorsOf } from "@/components/shared/api-client";
import { ConsentFields, INITIAL_CONSENTS, missingConsents, type ConsentState } from "./consent-fields";
import { createEmailAccount, currentUser, describeAuthError, SignInError, type SignedInUser } from "./firebase-client";
import { GoogleSignInButton } from "./google-sign-in-button";
import { usePublicConfig } from "@/components/layout/public-config";
import { completeAccount, startServerSession } from "./sign-in-flow";
import { TextField } from "@/components/shared/text-field";

const MIN_PASSWORD = 8;

export function SignupForm() {
  const config = usePublicConfig();
  const router = useRouter();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [name, setName] = useState("");
  const [consents, setConsents] = useState<ConsentState>(INITIAL_CONSENTS);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [progress, setProgress] = useState<string | null>(null);

  function validate(): Record<string, string> {
    const found: Record<string, string> = {};
    if (!email.trim()) found.email = "Enter your email address.";
    if (password.length < MIN_PASSWORD) found.password = `Use at least ${MIN_PASSWORD} characters.`;
    if (!name.trim()) found.name = "Enter your name.";
    return { ...found, ...missingConsents(consents) };
  }

  async function firebaseUser(): Promise<SignedInUser> {
    const current = currentUser(config);
    if (current?.email && current.email.toLowerCase() === email.trim().toLowerCase()) return current;
    return createEmailAccount(config, email.trim(), password);
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found = validate();
    setErrors(found);
    if (Object.keys(found).length > 0) {
      setFormError("Please correct the marked fields.");
      return;
    }
    setFormError(null);
    try {
      setProgress("Creating your account…");
      const user = await firebaseUser();
      await startServerSession(user);
      await completeAccount(name, consents);
      setProgress("Sending the confirmation mail…");
      // The banner on every member page offers to resend, so a failed mail does not block sign-up.
      await api("/api/account/verification-email", { method: "POST" }).catch(() => undefined);
      router.push("/generate");
    } catch (caught) {
      setProgress(null);
      if (caught instanceof SignInError && caught.field) {
        setErrors({ [caught.field]: caught.message });
        setFormError(caught.message);
      } else if (caught instanceof ApiError) {
        setErrors(fieldErrorsOf(caught));
        setFormError(caught.message);
      } else {
        setFormError(describeAuthError(caught));
      }
    }
  }

  const busy = progress !== null;
  return (
    <>
      <form className="form" onSubmit={submit} noValidate aria-describedby={formError ? "signup-error" : undefined}>
        <TextField
          id="signup-email"
          label="Email"
          type="email"
          autoComplete="email"
          value={email}
          onChange={setEmail}
          error={errors.email}
          disabled={busy}
        />
        <TextField
          id="signup-password"
          label="Password"
          type="password"
          autoComplete="new-password"
          value={password}
          onChange={setPassword}
          error={errors.password}
          hint={`At least ${MIN_PASSWORD} characters.`}
          minLength={MIN_PASSWORD}
          disabled={busy}
        />
        <TextField
          id="signup-name"
          label="Name"
          type="text"
          autoComplete="name"
          value={name}
          onChange={setName}
          error={errors.name}
          maxLength={80}
          disabled={busy}
        />
        <ConsentFields value={consents} onChange={setConsents} errors={errors} disabled={busy} />
        {formError ? (
          <p id="signup-error" role="alert" className="error">
            {formError}
          </p>
        ) : null}
        {progress ? <p role="status">{progress}</p> : null}
        <button type="submit" className="button button--wide" disabled={busy}>
          Create account
        </button>
      </form>
      <p className="divider">or</p>
      <GoogleSignInButton disabled={busy} />
      <p className="form-footer">
        Already have an account? <Link href="/signin">Go to the sign-in page</Link>
      </p>
    </>
  );
}
