"use client";

/**
 * The cookie choice: necessary always on, functional and performance off until
 * ticked. As the banner it disappears once a choice is saved; on the settings page it
 * stays and says the choice is saved. The server stores the choice (POST
 * /api/cookie-consent) in its necessary cookie, and records it for a member.
 * Kept free of other client code, since the banner is on every page until a choice.
 */
import { useId, useState } from "react";
import { api } from "@/components/shared/api-client";
import type { CookieChoice as Choice } from "@/lib/privacy/cookie-consent";

export interface CookieChoiceTexts {
  necessary: string;
  functional: string;
  performance: string;
  acceptAll: string;
  necessaryOnly: string;
  save: string;
  saved: string;
  failed: string;
}

export interface CookieChoiceProps {
  variant: "banner" | "settings";
  texts: CookieChoiceTexts;
  initial: Choice | null;
  locale: string;
  children?: React.ReactNode;
}

export function CookieChoice({ variant, texts, initial, locale, children }: CookieChoiceProps) {
  const [choice, setChoice] = useState<Choice>(initial ?? { functional: false, performance: false });
  const [status, setStatus] = useState<"idle" | "saving" | "saved" | "failed">("idle");
  const id = useId();

  async function save(chosen: Choice) {
    setChoice(chosen);
    setStatus("saving");
    try {
      await api("/api/cookie-consent", { method: "POST", body: { ...chosen, locale } });
      setStatus("saved");
    } catch {
      setStatus("failed");
    }
  }

  if (variant === "banner" && status === "saved") return null;
  return (
    <div className={`cookie-choice cookie-choice--${variant}`}>
      {children}
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void save(choice);
        }}
      >
        <fieldset>
          <legend className="visually-hidden">{texts.save}</legend>
          <p className="cookie-choice__option">
            <input type="checkbox" id={`${id}-necessary`} checked disabled />
            <label htmlFor={`${id}-necessary`}>{texts.necessary}</label>
          </p>
          {(["functional", "performance"] as const).map((category) => (
            <p className="cookie-choice__option" key={category}>
              <input
                type="checkbox"
                id={`${id}-${category}`}
                name={category}
                checked={choice[category]}
                onChange={(event) => setChoice({ ...choice, [category]: event.target.checked })}
              />
              <label htmlFor={`${id}-${category}`}>{texts[category]}</label>
            </p>
          ))}
        </fieldset>
        <div className="actions cookie-choice__actions">
          <button type="button" className="button" onClick={() => void save({ functional: true, performance: true })}>
            {texts.acceptAll}
          </button>
          <button type="button" className="button" onClick={() => void save({ functional: false, performance: false })}>
            {texts.necessaryOnly}
          </button>
          <button type="submit" className="button button--secondary">
            {texts.save}
          </button>
        </div>
        <p role="status" className="hint">
          {status === "saved" ? texts.saved : ""}
        </p>
        {status === "failed" ? (
          <p role="alert" className="error">
            {texts.failed}
          </p>
        ) : null}
      </form>
    </div>
  );
}
