"use client";

/** "Continue with Google": sign in with a popup, start the session, then go on (or finish sign-up). */
import { useRouter } from "@/i18n/navigation";
import { useState } from "react";
import { describeAuthError, signInWithGoogle } from "./firebase-client";
import { ApiError } from "@/components/shared/api-client";
import { usePublicConfig } from "@/components/layout/public-config";
import { destinationAfterSignIn, startServerSession } from "./sign-in-flow";
import { ErrorAlert } from "@/components/shared/error-alert";

export function GoogleSignInButton({ disabled }: { disabled?: boolean }) {
  const config = usePublicConfig();
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function continueWithGoogle() {
    setBusy(true);
    setError(null);
    try {
      const user = await signInWithGoogle(config);
      await startServerSession(user);
      router.push(await destinationAfterSignIn());
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : describeAuthError(caught));
      setBusy(false);
    }
  }

  return (
    <div className="alt-sign-in">
      <button
        type="button"
        className="button button--secondary button--wide"
        onClick={continueWithGoogle}
        disabled={disabled || busy}
      >
        Continue with Google
      </button>
      <ErrorAlert message={error} />
    </div>
  );
}
