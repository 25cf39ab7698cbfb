"use client";

/**
 * The console's member look-up: an email address or a member ID, and the reason for
 * looking. An address is sent in the body of a POST (the API answers the member's ID),
 * so it never stands in a URL that request logs, browser history or a proxy keep; the
 * member page is then opened by ID, and logs the view with its reason.
 */
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { ApiError, api, fieldErrorsOf } from "@/components/shared/api-client";
import { ErrorAlert } from "@/components/shared/error-alert";
import { FieldError } from "@/components/shared/field-error";
import { useErrorText } from "@/components/shared/use-error-text";
import { useRouter } from "@/i18n/navigation";
import { isStaffAccessReason, STAFF_ACCESS_REASONS } from "@/lib/staff/access-reasons";

const IDS = { query: "look-up-query", reason: "look-up-reason" } as const;
type Field = keyof typeof IDS;

export function MemberLookUpForm() {
  const t = useTranslations("staff");
  const errorText = useErrorText();
  const router = useRouter();
  const [query, setQuery] = useState("");
  const [reason, setReason] = useState("");
  const [busy, setBusy] = useState(false);
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<Field, string>>>({});
  const [error, setError] = useState<string | null>(null);

  async function memberId(wanted: string, why: string): Promise<string> {
    if (!wanted.includes("@")) return wanted;
    const found = await api<{ memberId: string }>(`/api/staff/members/find?reason=${encodeURIComponent(why)}`, {
      method: "POST",
      body: { email: wanted },
    });
    return found.memberId;
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const wanted = query.trim();
    const missing: Partial<Record<Field, string>> = {
      ...(wanted ? {} : { query: t("console.lookUpQueryRequired") }),
      ...(isStaffAccessReason(reason) ? {} : { reason: t("errors.reasonRequired") }),
    };
    setError(null);
    setFieldErrors(missing);
    if (Object.keys(missing).length > 0) return;
    setBusy(true);
    try {
      const id = await memberId(wanted, reason);
      router.push(`/staff/console/member/${encodeURIComponent(id)}?reason=${encodeURIComponent(reason)}`);
    } catch (caught) {
      const fields = fieldErrorsOf(caught);
      if (caught instanceof ApiError && caught.status === 404) setFieldErrors({ query: errorText(caught) });
      else if (fields.email || fields.reason) setFieldErrors({ query: fields.email, reason: fields.reason });
      else setError(errorText(caught));
      setBusy(false);
    }
  }

  const described = (field: Field) => (fieldErrors[field] ? `${IDS[field]}-error` : undefined);
  return (
    <form className="form" onSubmit={submit} noValidate>
      <div className="field">
        <label htmlFor={IDS.query}>{t("console.lookUpQuery")}</label>
        <input
          id={IDS.query}
          autoComplete="off"
          spellCheck={false}
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          disabled={busy}
          aria-invalid={fieldErrors.query ? true : undefined}
          aria-describedby={described("query")}
        />
        <FieldError id={`${IDS.query}-error`} message={fieldErrors.query} />
      </div>
      <div className="field">
        <label htmlFor={IDS.reason}>{t("console.lookUpReason")}</label>
        <select
          id={IDS.reason}
          value={reason}
          onChange={(event) => setReason(event.target.value)}
          disabled={busy}
          aria-invalid={fieldErrors.reason ? true : undefined}
          aria-describedby={described("reason")}
        >
          <option value="" disabled>
            -
          </option>
          {STAFF_ACCESS_REASONS.map((option) => (
            <option key={option} value={option}>
              {t(`reasons.${option}`)}
            </option>
          ))}
        </select>
        <FieldError id={`${IDS.reason}-error`} message={fieldErrors.reason} />
      </div>
      <button type="submit" className="button" disabled={busy}>
        {t("console.lookUpSubmit")}
      </button>
      <ErrorAlert message={error} />
    </form>
  );
}
