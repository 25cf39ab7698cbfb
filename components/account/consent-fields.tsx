"use client";

import type { ConsentDocumentPaths } from "@/lib/accounts/consent-version";
/**
 * Age confirmation and the three consents, worded in the page's language exactly as
 * the server records them, each required one linking to the very version it agrees
 * to. "Agree to all" above them is a shortcut that ticks every box, the optional
 * marketing one included, as Korean sign-up forms do; it is not a consent of its own:
 * what is sent and recorded is still each box on its own.
 */
import { useLocale, useTranslations } from "next-intl";
import { Link } from "@/i18n/navigation";
import { CONSENT_TEXTS, MINIMUM_AGE, type ConsentPurpose } from "@/lib/privacy/policy-versions";
import "./account.css";

export interface ConsentState {
  ageConfirmed: boolean;
  consents: Record<ConsentPurpose, boolean>;
}

export const INITIAL_CONSENTS: ConsentState = {
  ageConfirmed: false,
  consents: { terms: false, privacy: false, marketing: false },
};

const PURPOSES: ConsentPurpose[] = ["terms", "privacy", "marketing"];

/** The link text for each consent that agrees to a document. */
const READ_DOCUMENT = { terms: "read.terms", privacy: "read.privacy" } as const;

/** The error keys a consent can have: ours, and the one the API uses in a 422 answer. */
export function consentErrorKeys(purpose: ConsentPurpose): string[] {
  return [purpose, `consents.${purpose}`];
}

/** A check of what is missing, keyed "ageConfirmed" or the purpose; empty when the form may be sent. */
export function useMissingConsents(): (state: ConsentState) => Record<string, string> {
  const t = useTranslations("account.consents");
  return (state) => {
    const missing: Record<string, string> = {};
    if (!state.ageConfirmed) missing.ageConfirmed = t("ageRequired", { age: MINIMUM_AGE });
    for (const purpose of PURPOSES) {
      if (CONSENT_TEXTS[purpose].required && !state.consents[purpose]) missing[purpose] = t("required");
    }
    return missing;
  };
}

export function ConsentFields({
  value,
  onChange,
  errors,
  disabled,
  documentPaths,
}: {
  value: ConsentState;
  /** `changed` names the boxes that changed, so their server errors can be dropped. */
  onChange: (next: ConsentState, changed: string[]) => void;
  errors: Record<string, string>;
  disabled?: boolean;
  /** The exact versions agreed to, from the server (lib/accounts/consent-version.ts). */
  documentPaths: ConsentDocumentPaths;
}) {
  const t = useTranslations("account.consents");
  const locale = useLocale();
  const allChecked = value.ageConfirmed && PURPOSES.every((purpose) => value.consents[purpose]);

  function setAll(checked: boolean) {
    onChange({ ageConfirmed: checked, consents: { terms: checked, privacy: checked, marketing: checked } }, [
      "ageConfirmed",
      ...PURPOSES.flatMap(consentErrorKeys),
    ]);
  }

  const ageError = errors.ageConfirmed;
  return (
    <fieldset className="consents" disabled={disabled}>
      <legend>{t("legend")}</legend>
      <div className="check consents__all">
        <input
          id="consent-all"
          type="checkbox"
          checked={allChecked}
          onChange={(event) => setAll(event.target.checked)}
          aria-describedby="consent-all-hint"
        />
        <label htmlFor="consent-all">{t("agreeAll")}</label>
        <p id="consent-all-hint" className="hint">
          {t("agreeAllHint")}
        </p>
      </div>
      <div className="check">
        <input
          id="consent-age"
          type="checkbox"
          checked={value.ageConfirmed}
          onChange={(event) => onChange({ ...value, ageConfirmed: event.target.checked }, ["ageConfirmed"])}
          aria-invalid={ageError ? true : undefined}
          aria-describedby={ageError ? "consent-age-error" : undefined}
        />
        <label htmlFor="consent-age">{t("age", { age: MINIMUM_AGE })}</label>
        {ageError ? (
          <p id="consent-age-error" className="field-error">
            {ageError}
          </p>
        ) : null}
      </div>
      {PURPOSES.map((purpose) => {
        const text = CONSENT_TEXTS[purpose];
        const readKey = purpose === "marketing" ? null : READ_DOCUMENT[purpose];
        const id = `consent-${purpose}`;
        const error = consentErrorKeys(purpose)
          .map((key) => errors[key])
          .find(Boolean);
        return (
          <div className="check" key={purpose}>
            <input
              id={id}
              type="checkbox"
              checked={value.consents[purpose]}
              onChange={(event) =>
                onChange(
                  { ...value, consents: { ...value.consents, [purpose]: event.target.checked } },
                  consentErrorKeys(purpose),
                )
              }
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? `${id}-error` : undefined}
            />
            <label htmlFor={id}>{text.wording[locale]}</label>
            {readKey && purpose !== "marketing" ? (
              // A new tab, so what was typed in this form is still here after reading.
              <Link href={documentPaths[purpose]} target="_blank" rel="noopener" className="consents__document">
                {t(readKey)}
                <span aria-hidden="true"> ↗</span>
                <span className="visually-hidden"> {t("newTab")}</span>
              </Link>
            ) : null}
            {error ? (
              <p id={`${id}-error`} className="field-error">
                {error}
              </p>
            ) : null}
          </div>
        );
      })}
    </fieldset>
  );
}
