"use client";

/**
 * The console's member look-up: an email address or a member ID, and the reason for
 * looking. Whatever is typed is sent in the body of a POST, which answers the member's
 * ID, so it never stands in a URL that request logs, browser history or a proxy keep;
 * the member page is then opened by that ID, and logs the view with its reason.
 */
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { ApiError, api, fieldErrorsOf } from "@/components/shared/api-client";
import { ErrorAlert } from "@/components/shared/error-alert";
import { FieldError } from "@/components/shared/field-error";
import { useErrorText } from "@/components/shared/use-error-text";
import { useFocusField } from "@/components/shared/use-form-errors";
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
  const focusField = useFocusField();

  /** Shows the fields' errors and moves the focus to the first, which reads its error out; false when none. */
  function showFieldErrors(errors: Partial<Record<Field, string>>): boolean {
    setFieldErrors(errors);
    const first = (Object.keys(IDS) as Field[]).find((field) => errors[field]);
    if (first) focusField(IDS[first]);
    return first !== undefined;
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const wanted = query.trim();
    setError(null);
    const missing = showFieldErrors({
      ...(wanted ? {} : { query: t("console.lookUpQueryRequired") }),
      ...(isStaffAccessReason(reason) ? {} : { reason: t("errors.reasonRequired") }),
    });
    if (missing) return;
    setBusy(true);
    try {
      const found = await api<{ memberId: string }>(`/api/staff/members/find?reason=${encodeURIComponent(reason)}`, {
        method: "POST",
        body: { query: wanted },
      });
      router.push(`/staff/console/member/${encodeURIComponent(found.memberId)}?reason=${encodeURIComponent(reason)}`);
    } catch (caught) {
      const fields = fieldErrorsOf(caught);
      const notFound = caught instanceof ApiError && caught.status === 404;
      if (!showFieldErrors({ query: notFound ? errorText(caught) : fields.query, reason: fields.reason }))
        setError(errorText(caught));
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
          aria-required="true"
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
          aria-required="true"
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
