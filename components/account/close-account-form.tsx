"use client";

/**
 * Closing the account (회원 탈퇴): what happens, what holds it back, then a fresh sign-in
 * (the password, or Google) and an explicit confirmation. The API closes the account
 * and clears the session cookie; the page then forgets the Firebase user too.
 */
import { useLocale, useTranslations } from "next-intl";
import { useEffect, useState, type FormEvent } from "react";
import { Link } from "@/i18n/navigation";
import { api } from "@/components/shared/api-client";
import { ErrorAlert } from "@/components/shared/error-alert";
import { TextField } from "@/components/shared/text-field";
import { usePublicConfig } from "@/components/layout/public-config";
import { signInWithEmail, signInWithGoogle, signOutOfFirebase, type SignedInUser } from "./firebase-client";
import { useErrorText } from "./use-error-text";

type Blocker = "refund-open" | "payment-open" | "generation-open";

interface Preview {
  pointsLapsing: number;
  paidPointsLapsing: number;
  blockers: Blocker[];
}

interface Outcome {
  pointsLapsed: number;
  completed: boolean;
}

export function CloseAccountForm({ email }: { email: string | null }) {
  const config = usePublicConfig();
  const locale = useLocale();
  const t = useTranslations("account.closeAccount");
  const errorText = useErrorText();
  const [preview, setPreview] = useState<Preview | null>(null);
  const [password, setPassword] = useState("");
  const [understood, setUnderstood] = useState(false);
  const [errors, setErrors] = useState<{ password?: string; understood?: string }>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  useEffect(() => {
    api<Preview>("/api/account/withdrawal")
      .then(setPreview)
      .catch((caught: unknown) => setFormError(errorText(caught)));
  }, [errorText]);

  async function close(reauthenticate: () => Promise<SignedInUser>, needsPassword: boolean) {
    setFormError(null);
    const missing = {
      ...(needsPassword && !password ? { password: t("passwordRequired") } : {}),
      ...(understood ? {} : { understood: t("understandRequired") }),
    };
    setErrors(missing);
    if (Object.keys(missing).length > 0) return;
    setBusy(true);
    try {
      const user = await reauthenticate();
      const idToken = await user.idToken();
      const result = await api<Outcome>("/api/account/withdrawal", {
        method: "POST",
        body: { idToken, confirm: true },
      });
      await signOutOfFirebase(config).catch(() => undefined);
      setOutcome(result);
    } catch (caught) {
      setFormError(errorText(caught));
      setBusy(false);
    }
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!email) return;
    void close(() => signInWithEmail(config, email, password), true);
  }

  if (outcome) {
    return (
      <section aria-labelledby="close-account-done" role="status">
        <h2 id="close-account-done">{t("doneHeading")}</h2>
        <p>{outcome.completed ? t("done", { points: outcome.pointsLapsed }) : t("unfinished")}</p>
        {/* A full page load: the member pages' state belongs to the account that is gone. */}
        <a className="button" href={`/${locale}`}>
          {t("home")}
        </a>
      </section>
    );
  }

  const blocked = (preview?.blockers.length ?? 0) > 0;
  return (
    <>
      <p>{t("intro")}</p>
      <section aria-labelledby="close-account-what">
        <h2 id="close-account-what">{t("whatHappens")}</h2>
        <ul>
          <li>{t("deleted")}</li>
          <li>{t("kept")}</li>
          <li>
            {preview === null
              ? t("loading")
              : preview.pointsLapsing > 0
                ? t("pointsLapse", { points: preview.pointsLapsing })
                : t("noPoints")}
            {preview && preview.paidPointsLapsing > 0 ? (
              <>
                {" "}
                {t("paidPoints", { points: preview.paidPointsLapsing })} <Link href="/points">{t("pointsLink")}</Link>
              </>
            ) : null}
          </li>
        </ul>
      </section>
      {blocked ? (
        <div role="alert" className="error">
          <p>{t("blocked")}</p>
          <ul>
            {preview?.blockers.map((blocker) => (
              <li key={blocker}>{t(`blockers.${blocker}`)}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <form className="form" onSubmit={submit} noValidate aria-labelledby="close-account-confirm">
        <h2 id="close-account-confirm">{t("confirmHeading")}</h2>
        <p>{t("reauthenticate")}</p>
        <TextField
          id="close-account-password"
          label={t("password")}
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={setPassword}
          error={errors.password}
          disabled={busy || blocked}
          revealLabel={t("showPassword")}
        />
        <div className="check">
          <input
            id="close-account-understood"
            type="checkbox"
            checked={understood}
            onChange={(event) => setUnderstood(event.target.checked)}
            disabled={busy || blocked}
            aria-invalid={errors.understood ? true : undefined}
            aria-describedby={errors.understood ? "close-account-understood-error" : undefined}
          />
          <label htmlFor="close-account-understood">{t("understand")}</label>
          {errors.understood ? (
            <p id="close-account-understood-error" className="field-error">
              {errors.understood}
            </p>
          ) : null}
        </div>
        <ErrorAlert message={formError} />
        {busy ? <p role="status">{t("working")}</p> : null}
        <button type="submit" className="button button--danger button--wide" disabled={busy || blocked || !email}>
          {t("submit")}
        </button>
        <button
          type="button"
          className="button button--secondary button--wide"
          onClick={() => void close(() => signInWithGoogle(config), false)}
          disabled={busy || blocked}
        >
          {t("withGoogle")}
        </button>
      </form>
    </>
  );
}
