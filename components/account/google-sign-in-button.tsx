"use client";

/** "Continue with Google": sign in with a popup, start the session, then go on (or finish sign-up). */
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { useRouter } from "@/i18n/navigation";
import { ErrorAlert } from "@/components/shared/error-alert";
import { usePublicConfig } from "@/components/layout/public-config";
import { signInWithGoogle } from "./firebase-client";
import { destinationAfterSignIn, startServerSession } from "./sign-in-flow";
import { useErrorText } from "./use-error-text";

export function GoogleSignInButton({ disabled }: { disabled?: boolean }) {
  const config = usePublicConfig();
  const router = useRouter();
  const locale = useLocale();
  const t = useTranslations("account.google");
  const errorText = useErrorText();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function continueWithGoogle() {
    setBusy(true);
    setError(null);
    try {
      const user = await signInWithGoogle(config);
      await startServerSession(user);
      const destination = await destinationAfterSignIn(locale);
      router.push(destination.href, { locale: destination.locale });
    } catch (caught) {
      setError(errorText(caught));
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
        {t("continue")}
      </button>
      <ErrorAlert message={error} />
    </div>
  );
}
