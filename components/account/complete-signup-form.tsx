"use client";

/**
 * Finishing sign-up for someone who is signed in but has no member record yet (a new
 * Google user, or an email sign-up that stopped half-way): name, age and consents.
 */
import { useLocale, useTranslations } from "next-intl";
import { useEffect, useState, type FormEvent } from "react";
import { Link, useRouter } from "@/i18n/navigation";
import { api, ApiError, fieldErrorsOf } from "@/components/shared/api-client";
import type { Me } from "@/components/shared/api-types";
import { TextField } from "@/components/shared/text-field";
import { useFormErrors } from "@/components/shared/use-form-errors";
import { usePublicConfig } from "@/components/layout/public-config";
import type { ConsentDocumentPaths } from "@/lib/accounts/consent-version";
import { ConsentFields, INITIAL_CONSENTS, useMissingConsents, type ConsentState } from "./consent-fields";
import { MINIMUM_AGE } from "@/lib/privacy/policy-versions";
import { currentUser, signOutOfFirebase } from "./firebase-client";
import { completeAccount } from "./sign-in-flow";
import { useErrorText } from "./use-error-text";

export function CompleteSignupForm({ documentPaths }: { documentPaths: ConsentDocumentPaths }) {
  const config = usePublicConfig();
  const router = useRouter();
  const locale = useLocale();
  const t = useTranslations("account");
  const errorText = useErrorText();
  const missingConsents = useMissingConsents();
  const [name, setName] = useState("");
  const [consents, setConsents] = useState<ConsentState>(INITIAL_CONSENTS);
  const [formError, setFormError] = useState<string | null>(null);
  const [signedOut, setSignedOut] = useState(false);
  const [busy, setBusy] = useState(false);
  const [refusedUnderAge, setRefusedUnderAge] = useState(false);
  const form = useFormErrors(() => ({
    ...(name.trim() ? {} : { name: t("validation.nameRequired") }),
    ...missingConsents(consents),
  }));

  useEffect(() => {
    // A Google account usually brings a display name; offer it.
    const displayName = currentUser(config)?.displayName;
    if (displayName) setName((current) => current || displayName);
  }, [config]);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFormError(null);
    if (!form.attempt()) return;
    setBusy(true);
    try {
      await completeAccount({ name, consents, locale });
      const me = await api<Me>("/api/me");
      if (!me.emailVerified) await api("/api/account/verification-email", { method: "POST" }).catch(() => undefined);
      router.push("/generate");
    } catch (caught) {
      setBusy(false);
      if (caught instanceof ApiError && caught.status === 401) {
        setSignedOut(true);
        setFormError(t("complete.sessionEnded"));
        return;
      }
      const fields = fieldErrorsOf(caught);
      form.setServerErrors(fields);
      if (Object.keys(fields).length === 0) setFormError(errorText(caught));
    }
  }

  /** The API refuses and deletes the sign-in account just made; this page then forgets it too. */
  async function underAge() {
    setBusy(true);
    setFormError(null);
    try {
      await api("/api/account", { method: "POST", body: { ageConfirmed: false } });
    } catch (caught) {
      if (!(caught instanceof ApiError && caught.code === "CONSENT_REQUIRED")) {
        setBusy(false);
        setFormError(errorText(caught));
        return;
      }
    }
    await api("/api/session", { method: "DELETE" }).catch(() => undefined);
    await signOutOfFirebase(config).catch(() => undefined);
    setRefusedUnderAge(true);
  }

  if (refusedUnderAge) {
    return (
      <p role="status" className="notice">
        {t("complete.underAgeDone", { age: MINIMUM_AGE })}
      </p>
    );
  }

  const message = form.hasErrors ? t("validation.correctMarked") : formError;
  return (
    <form className="form" onSubmit={submit} noValidate>
      <TextField
        id="complete-name"
        label={t("fields.name")}
        type="text"
        autoComplete="name"
        value={name}
        onChange={(value) => {
          setName(value);
          form.edited("name");
        }}
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
      {message ? (
        <p role="alert" className="error">
          {message} {signedOut && !form.hasErrors ? <Link href="/signin">{t("complete.signIn")}</Link> : null}
        </p>
      ) : null}
      <button type="submit" className="button button--wide" disabled={busy}>
        {t("complete.submit")}
      </button>
      <p className="hint" id="complete-under-age-hint">
        {t("complete.underAgeHint", { age: MINIMUM_AGE })}
      </p>
      <button
        type="button"
        className="button button--quiet button--wide"
        onClick={() => void underAge()}
        disabled={busy}
        aria-describedby="complete-under-age-hint"
      >
        {t("complete.underAge", { age: MINIMUM_AGE })}
      </button>
    </form>
  );
}
