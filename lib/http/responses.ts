/**
 * JSON responses and the one error shape: `{ error: { code, message, details? } }`.
 * AppErrors keep their code; zod errors become 422 with one message per field;
 * anything else is logged by id and becomes a generic 500. Messages are in the
 * language of the request (negotiated from Accept-Language by the caller); codes
 * and details are the same in every language.
 */
import { randomUUID } from "node:crypto";
import { ZodError } from "zod";
import { AppError } from "../errors/app-error";
import { renderAppError, renderZodIssues } from "../errors/error-messages";
import type { Locale } from "../i18n/locales";
import { translator } from "../i18n/messages";
import { errorFields, logger } from "../observability/logger";

export function json(data: unknown, status = 200, headers: HeadersInit = {}): Response {
  return new Response(JSON.stringify(data), {
    status,
    headers: { "content-type": "application/json; charset=utf-8", "cache-control": "no-store", ...headers },
  });
}

export function errorResponse(error: unknown, locale: Locale): Response {
  if (error instanceof AppError) {
    const retryAfter = error.details?.retryAfterSeconds;
    const headers: Record<string, string> = typeof retryAfter === "number" ? { "retry-after": String(retryAfter) } : {};
    const { message, fields } = renderAppError(error, locale);
    const details = error.details || fields ? { ...error.details, ...(fields ? { fields } : {}) } : undefined;
    return json({ error: { code: error.code, message, ...(details ? { details } : {}) } }, error.status, headers);
  }
  if (error instanceof ZodError) {
    const fields = renderZodIssues(error, locale);
    const message = Object.values(fields)[0] ?? translator({ locale, namespace: "errors" })("validation.invalid");
    return json({ error: { code: "VALIDATION_FAILED", message, details: { fields } } }, 422);
  }
  const incident = randomUUID();
  logger.error("http.unexpected_error", { incident, ...errorFields(error) });
  const message = translator({ locale, namespace: "errors" })("service.incident", { incident });
  return json({ error: { code: "INTERNAL", message } }, 500);
}
