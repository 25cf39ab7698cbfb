"use client";

/**
 * Finishing sign-up for someone who is signed in but has no member record yet (a new
 * Google user, or an email sign-up that stopped half-way): name, age and consents.
 */
import { Link } from "@/i18n/navigation";
import { useRouter } from "@/i18n/navigation";
import { useEffect, useState, type FormEvent } from "react";
import { api, ApiError, fieldErrorsOf } from "@/components/shared/api-client";
import type { Me } from "@/components/shared/api-types";
import { ConsentFields, INITIAL_CONSENTS, missingConsents, type ConsentState } from "./consent-fields";
import { currentUser } from "./firebase-client";
import { usePublicConfig } from "@/components/layout/public-config";
import { TextField } from "@/components/shared/text-field";
import { completeAccount } from "./sign-in-flow";

export function CompleteSignupForm() {
  const config = usePublicConfig();
  const router = useRouter();
  const [name, setName] = useState("");
  const [consents, setConsents] = useState<ConsentState>(INITIAL_CONSENTS);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [signedOut, setSignedOut] = useState(false);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    // A Google account usually brings a display name; offer it.
    const displayName = currentUser(config)?.displayName;
    if (displayName) setName((current) => current || displayName);
  }, [config]);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found = { ...(name.trim() ? {} : { name: "Enter your name." }), ...missingConsents(consents) };
    setErrors(found);
    if (Object.keys(found).length > 0) {
      setFormError("Please correct the marked fields.");
      return;
    }
    setFormError(null);
    setBusy(true);
    try {
      await completeAccount(name, consents);
      const me = await api<Me>("/api/me");
      if (!me.emailVerified) await api("/api/account/verification-email", { method: "POST" }).catch(() => undefined);
      router.push("/generate");
    } catch (caught) {
      setBusy(false);
      if (caught instanceof ApiError && caught.status === 401) {
        setSignedOut(true);
        setFormError("Your session has ended. Sign in again to finish signing up.");
      } else if (caught instanceof ApiError) {
        setErrors(fieldErrorsOf(caught));
        setFormError(caught.message);
      } else {
        setFormError("Something went wrong. Please try again.");
      }
    }
  }

  return (
    <form className="form" onSubmit={submit} noValidate>
      <TextField
        id="complete-name"
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
        <p role="alert" className="error">
          {formError} {signedOut ? <Link href="/signin">Go to the sign-in page</Link> : null}
        </p>
      ) : null}
      <button type="submit" className="button button--wide" disabled={busy}>
        Create account
      </button>
    </form>
  );
}
