"use client";

/**
 * The errors a form shows, kept true to what is in its fields: nothing before the
 * first attempt to send it; after that, the form's own checks run again on every
 * change, so a message goes away as soon as its field is fixed. An error the server
 * gave for a field lasts until that field is edited.
 */
import { useCallback, useEffect, useState } from "react";

export type FieldErrors = Record<string, string>;

export interface FormErrors {
  /** What to show now, by field. */
  errors: FieldErrors;
  /** Whether a sent form found something to correct that is still there. */
  hasErrors: boolean;
  /** On submit: starts showing the form's checks; true when the form may be sent. */
  attempt: () => boolean;
  /** Forgets the server's error about a field once the person edits it. */
  edited: (...fields: string[]) => void;
  /** The server's errors by field (from a 422 answer or the sign-in service). */
  setServerErrors: (errors: FieldErrors) => void;
}

/** `check` reads the form's current values and returns a message per field that is wrong. */
export function useFormErrors(check: () => FieldErrors): FormErrors {
  const [attempted, setAttempted] = useState(false);
  const [serverErrors, setServerErrors] = useState<FieldErrors>({});
  const errors = attempted ? { ...serverErrors, ...check() } : serverErrors;

  const edited = useCallback((...fields: string[]) => {
    setServerErrors((current) => {
      if (!fields.some((field) => field in current)) return current;
      const rest = { ...current };
      for (const field of fields) delete rest[field];
      return rest;
    });
  }, []);

  return {
    errors,
    hasErrors: Object.keys(errors).length > 0,
    attempt: () => {
      setAttempted(true);
      return Object.keys(check()).length === 0;
    },
    edited,
    setServerErrors,
  };
}

/**
 * Moves the focus to a field after the next render: for a one-field form, focusing
 * the field reads its error out, with no second copy of it in an alert. After the
 * render, as a field is disabled while its request runs.
 */
export function useFocusField(): (id: string) => void {
  const [target, setTarget] = useState<{ id: string } | null>(null);
  useEffect(() => {
    if (target) document.getElementById(target.id)?.focus();
  }, [target]);
  return useCallback((id: string) => setTarget({ id }), []);
}
