"use client";

/**
 * The first factor: Firebase checks the password in the browser, as for members; the
 * server then checks the staff role and opens a session that still owes the code.
 * Firebase's own session in this page is ended at once: the console runs on its own cookie.
 */
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { useRouter } from "@/i18n/navigation";
import { signInWithEmail, signOutOfFirebase } from "@/components/account/firebase-client";
import { usePublicConfig } from "@/components/layout/public-config";
import { api } from "@/components/shared/api-client";
import { ErrorAlert } from "@/components/shared/error-alert";
import { useErrorText } from "@/components/shared/use-error-text";

export function StaffSignInForm() {
  const config = usePublicConfig();
  const router = useRouter();
  const t = useTranslations("staff.signIn");
  const errorText = useErrorText();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const field = (name: string) => {
      const value = data.get(name);
      return typeof value === "string" ? value : "";
    };
    setError(null);
    setBusy(true);
    try {
      const user = await signInWithEmail(config, field("email").trim(), field("password"));
      await api<{ enrolled: boolean }>("/api/staff/session", {
        method: "POST",
        body: { idToken: await user.idToken() },
      });
      await signOutOfFirebase(config);
      router.push("/staff/second-factor");
    } catch (caught) {
      setBusy(false);
      setError(errorText(caught));
    }
  }

  return (
    <form className="form" onSubmit={submit}>
      <label htmlFor="staff-email">{t("email")}</label>
      <input id="staff-email" name="email" type="email" autoComplete="username" required disabled={busy} />
      <label htmlFor="staff-password">{t("password")}</label>
      <input
        id="staff-password"
        name="password"
        type="password"
        autoComplete="current-password"
        required
        disabled={busy}
      />
      <ErrorAlert message={error} />
      <button type="submit" className="button button--wide" disabled={busy}>
        {t("submit")}
      </button>
    </form>
  );
}
