"use client";

/** Age confirmation and the three consents, worded exactly as recorded by the server. */
import { Link } from "@/i18n/navigation";
import { CONSENT_TEXTS, MINIMUM_AGE, type ConsentPurpose } from "@/lib/privacy/policy-versions";

export interface ConsentState {
  ageConfirmed: boolean;
  consents: Record<ConsentPurpose, boolean>;
}

export const INITIAL_CONSENTS: ConsentState = {
  ageConfirmed: false,
  consents: { terms: false, privacy: false, marketing: false },
};

const PURPOSES: ConsentPurpose[] = ["terms", "privacy", "marketing"];

/** Messages for what is missing, keyed "ageConfirmed" or the purpose; empty when the form may be sent. */
export function missingConsents(state: ConsentState): Record<string, string> {
  const missing: Record<string, string> = {};
  if (!state.ageConfirmed) missing.ageConfirmed = `You must be ${MINIMUM_AGE} or older to use imagesfactory.`;
  for (const purpose of PURPOSES) {
    if (CONSENT_TEXTS[purpose].required && !state.consents[purpose])
      missing[purpose] = "This consent is required to create an account.";
  }
  return missing;
}

export function ConsentFields({
  value,
  onChange,
  errors,
  disabled,
}: {
  value: ConsentState;
  onChange: (next: ConsentState) => void;
  errors: Record<string, string>;
  disabled?: boolean;
}) {
  return (
    <fieldset className="consents" disabled={disabled}>
      <legend>Age and consent</legend>
      <div className="check">
        <input
          id="consent-age"
          type="checkbox"
          checked={value.ageConfirmed}
          onChange={(event) => onChange({ ...value, ageConfirmed: event.target.checked })}
          aria-invalid={errors.ageConfirmed ? true : undefined}
          aria-describedby={errors.ageConfirmed ? "consent-age-error" : undefined}
        />
        <label htmlFor="consent-age">[Required] I am {MINIMUM_AGE} or older.</label>
        {errors.ageConfirmed ? (
          <p id="consent-age-error" className="field-error">
            {errors.ageConfirmed}
          </p>
        ) : null}
      </div>
      {PURPOSES.map((purpose) => {
        const text = CONSENT_TEXTS[purpose];
        const id = `consent-${purpose}`;
        const error = errors[purpose];
        return (
          <div className="check" key={purpose}>
            <input
              id={id}
              type="checkbox"
              checked={value.consents[purpose]}
              onChange={(event) =>
                onChange({ ...value, consents: { ...value.consents, [purpose]: event.target.checked } })
              }
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? `${id}-error` : undefined}
            />
            <label htmlFor={id}>{text.wording.en}</label>
            {error ? (
              <p id={`${id}-error`} className="field-error">
                {error}
              </p>
            ) : null}
          </div>
        );
      })}
      <p className="hint">
        Read <Link href="/privacy">how we handle your data</Link>: what we keep, why, and for how long.
      </p>
    </fieldset>
  );
}
