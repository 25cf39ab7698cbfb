/**
 * What errors say to people, in their language. An AppError names a key into the
 * `errors` messages; a zod schema's own messages are such keys too (written with
 * `errorKey`), and zod's built-in issues get one message per issue code. Keys are
 * typed from the English file, so a key that does not exist does not compile; a
 * custom message that is not a key (a schema written without `errorKey`) is never
 * shown, the issue's generic message is.
 */
import type { MessageKeys, NestedKeyOf } from "use-intl/core";
import type { z } from "zod";
import type { Locale } from "../i18n/locales";
import { isMessage, messagesFor, translator, type Messages } from "../i18n/messages";
import type { AppError, ErrorMessage, ErrorMessageValues } from "./app-error";

type ErrorMessages = Messages["errors"];

export type ErrorMessageKey = MessageKeys<ErrorMessages, NestedKeyOf<ErrorMessages>>;

/** A zod schema's custom message: the key of its text, checked by the compiler. */
export function errorKey(key: ErrorMessageKey): ErrorMessageKey {
  return key;
}

export function isErrorMessageKey(text: string): text is ErrorMessageKey {
  let node: unknown = messagesFor("en").errors;
  for (const part of text.split(".")) {
    if (typeof node !== "object" || node === null || !Object.hasOwn(node, part)) return false;
    node = (node as Record<string, unknown>)[part];
  }
  return isMessage(node);
}

type ErrorTranslator = ReturnType<typeof translator<"errors">>;

function render(t: ErrorTranslator, message: ErrorMessage): string {
  return t(message.key, message.values);
}

export interface RenderedAppError {
  message: string;
  /** One message per form field, when the error names fields. */
  fields?: Record<string, string>;
}

export function renderAppError(error: AppError, locale: Locale): RenderedAppError {
  const t = translator({ locale, namespace: "errors" });
  const message = render(t, { key: error.messageKey, values: error.values });
  if (!error.fields) return { message };
  const fields = Object.fromEntries(
    Object.entries(error.fields).map(([field, text]) => [
      field,
      render(t, typeof text === "string" ? { key: text } : text),
    ]),
  );
  return { message, fields };
}

type Issue = z.core.$ZodIssue;

/** The numbers a message may name: the bound a too_big or too_small issue broke, a custom issue's params. */
function issueValues(issue: Issue): ErrorMessageValues {
  const values: ErrorMessageValues = {};
  if (issue.code === "custom") {
    for (const [name, value] of Object.entries(issue.params ?? {})) {
      if (typeof value === "string" || typeof value === "number") values[name] = value;
    }
  }
  if (issue.code === "too_big") values.maximum = Number(issue.maximum);
  if (issue.code === "too_small") values.minimum = Number(issue.minimum);
  return values;
}

function bySize(
  origin: string,
  text: ErrorMessageKey,
  number: ErrorMessageKey,
  list: ErrorMessageKey,
): ErrorMessageKey {
  if (origin === "string") return text;
  if (origin === "number" || origin === "int" || origin === "bigint") return number;
  if (origin === "array" || origin === "set") return list;
  return "validation.invalid";
}

/** The message of a zod issue whose schema gave none of ours. */
function genericMessage(issue: Issue): ErrorMessage {
  switch (issue.code) {
    case "invalid_type":
      return { key: "validation.invalidType" };
    case "too_big":
      return {
        key: bySize(issue.origin, "validation.tooLong", "validation.tooBig", "validation.tooMany"),
        values: issueValues(issue),
      };
    case "too_small":
      return {
        key: bySize(issue.origin, "validation.tooShort", "validation.tooSmall", "validation.tooFew"),
        values: issueValues(issue),
      };
    case "invalid_format":
      return { key: "validation.invalidFormat", values: { format: issue.format } };
    case "invalid_value":
      return { key: "validation.invalidOption", values: { options: issue.values.map(String).join(", ") } };
    case "unrecognized_keys":
      return { key: "validation.unknownFields", values: { keys: issue.keys.join(", ") } };
    case "not_multiple_of":
      return { key: "validation.notMultipleOf", values: { divisor: Number(issue.divisor) } };
    case "custom":
    case "invalid_union":
    case "invalid_key":
    case "invalid_element":
      return { key: "validation.invalid" };
  }
}

/**
 * One message per field (its path; "body" for the body as a whole), the first issue
 * of each field, in the request's language.
 */
export function renderZodIssues(error: z.ZodError, locale: Locale): Record<string, string> {
  const t = translator({ locale, namespace: "errors" });
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const path = issue.path.map(String).join(".") || "body";
    if (fields[path] !== undefined) continue;
    const message = isErrorMessageKey(issue.message)
      ? { key: issue.message, values: issueValues(issue) }
      : genericMessage(issue);
    fields[path] = render(t, message);
  }
  return fields;
}
