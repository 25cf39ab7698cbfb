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
  /** The banner's disclosure of the categories. */
  choose: string;
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
  const categories = (
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
  );
  const allOrNecessary = (
    <>
      <button type="button" className="button" onClick={() => void save({ functional: true, performance: true })}>
        {texts.acceptAll}
      </button>
      <button type="button" className="button" onClick={() => void save({ functional: false, performance: false })}>
        {texts.necessaryOnly}
      </button>
    </>
  );
  const saveChoice = (
    <button type="submit" className="button button--secondary">
      {texts.save}
    </button>
  );
  return (
    <div className={`cookie-choice cookie-choice--${variant}`}>
      {children}
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void save(choice);
        }}
      >
        {variant === "banner" ? (
          // On every page until a choice: the two equal answers first, the categories a
          // tap away, so the banner leaves a phone's first screen to the page.
          <>
            <div className="actions cookie-choice__actions">{allOrNecessary}</div>
            <details className="cookie-choice__details">
              <summary>{texts.choose}</summary>
              {categories}
              <div className="actions cookie-choice__actions">{saveChoice}</div>
            </details>
          </>
        ) : (
          <>
            {categories}
            <div className="actions cookie-choice__actions">
              {allOrNecessary}
              {saveChoice}
            </div>
          </>
        )}
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
