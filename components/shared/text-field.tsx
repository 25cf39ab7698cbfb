"use client";

/**
 * A labelled text input with an optional hint and its error, tied together for screen
 * readers. An error takes the hint's place, so one sentence at a time says what the
 * field needs. A password field given `revealLabel` gets a button that shows what was
 * typed (a toggle: aria-pressed says whether the password is shown).
 */
import { useState } from "react";
import "./text-field.css";

export interface TextFieldProps {
  id: string;
  label: string;
  type: "text" | "email" | "password";
  autoComplete: string;
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
  hint?: string;
  minLength?: number;
  maxLength?: number;
  disabled?: boolean;
  /** For a password: the label of the show-password toggle. */
  revealLabel?: string;
}

export function TextField(props: TextFieldProps) {
  const [revealed, setRevealed] = useState(false);
  const note = props.error
    ? { id: `${props.id}-error`, className: "field-error", text: props.error }
    : props.hint
      ? { id: `${props.id}-hint`, className: "hint", text: props.hint }
      : null;
  const revealable = props.type === "password" && props.revealLabel !== undefined;
  const input = (
    <input
      id={props.id}
      name={props.id}
      type={revealable && revealed ? "text" : props.type}
      autoComplete={props.autoComplete}
      value={props.value}
      onChange={(event) => props.onChange(event.target.value)}
      minLength={props.minLength}
      maxLength={props.maxLength}
      disabled={props.disabled}
      aria-invalid={props.error ? true : undefined}
      aria-describedby={note?.id}
      // A shown password must not be sent to the browser's spelling service.
      spellCheck={props.type === "password" ? false : undefined}
      autoCapitalize={props.type === "text" ? undefined : "none"}
    />
  );
  return (
    <div className="field">
      <label htmlFor={props.id}>{props.label}</label>
      {revealable ? (
        <div className="field__control">
          {input}
          <button
            type="button"
            className="button button--secondary field__reveal"
            aria-pressed={revealed}
            aria-controls={props.id}
            onClick={() => setRevealed((shown) => !shown)}
            disabled={props.disabled}
          >
            {props.revealLabel}
          </button>
        </div>
      ) : (
        input
      )}
      {note ? (
        <p id={note.id} className={note.className}>
          {note.text}
        </p>
      ) : null}
    </div>
  );
}
