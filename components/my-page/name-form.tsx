"use client";

import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { api, fieldErrorsOf } from "@/components/shared/api-client";
import { ErrorAlert } from "@/components/shared/error-alert";
import { TextField } from "@/components/shared/text-field";
import { useErrorText } from "@/components/shared/use-error-text";
import { useMember } from "@/components/layout/member-context";

/** Corrects the member's name, with the server's rules (and its message beside the field). */
export function NameForm({ name, onSaved }: { name: string; onSaved: () => Promise<void> }) {
  const t = useTranslations("myPage.profile");
  const errorText = useErrorText();
  const { refresh } = useMember();
  const [value, setValue] = useState(name);
  const [saving, setSaving] = useState(false);
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaving(true);
    setSaved(false);
    setError(null);
    setFieldError(undefined);
    try {
      await api("/api/account/name", { method: "PUT", body: { name: value } });
      setSaved(true);
      await Promise.all([onSaved(), refresh()]);
    } catch (caught) {
      const fields = fieldErrorsOf(caught);
      if (fields.name) setFieldError(fields.name);
      else setError(errorText(caught));
    } finally {
      setSaving(false);
    }
  }

  return (
    <form className="form" onSubmit={submit} noValidate>
      <TextField
        id="my-name"
        label={t("name")}
        type="text"
        autoComplete="name"
        value={value}
        onChange={(next) => {
          setValue(next);
          setSaved(false);
          setFieldError(undefined);
        }}
        maxLength={80}
        error={fieldError}
      />
      <div className="actions">
        <button type="submit" className="button" disabled={saving}>
          {t("saveName")}
        </button>
        {saved ? <p role="status">{t("nameSaved")}</p> : null}
      </div>
      <ErrorAlert message={error} />
    </form>
  );
}
