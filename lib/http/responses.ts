/**
 * JSON responses and the one error shape: `{ error: { code, message, details? } }`.
 * AppErrors keep their code; zod errors become 422 with one message per field;
 * anything else is logged by id and becomes a generic 500.
 */
import { randomUUID } from "node:crypto";
import { ZodError } from "zod";
import { AppError } from "../errors/app-error";
import { errorFields, logger } from "../observability/logger";

export function json(data: unknown, status = 200, headers: HeadersInit = {}): Response {
  return new Response(JSON.stringify(data), {
    status,
    headers: { "content-type": "application/json; charset=utf-8", "cache-control": "no-store", ...headers },
  });
}

function fieldErrors(error: ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const path = issue.path.join(".") || "body";
    fields[path] ??= issue.message;
  }
  return fields;
}

export function errorResponse(error: unknown): Response {
  if (error instanceof AppError) {
    const retryAfter = error.details?.retryAfterSeconds;
    const headers: Record<string, string> = typeof retryAfter === "number" ? { "retry-after": String(retryAfter) } : {};
    return json(
      { error: { code: error.code, message: error.message, ...(error.details ? { details: error.details } : {}) } },
      error.status,
      headers,
    );
  }
  if (error instanceof ZodError) {
    const fields = fieldErrors(error);
    return json(
      {
        error: {
          code: "VALIDATION_FAILED",
          message: Object.values(fields)[0] ?? "Invalid request.",
          details: { fields },
        },
      },
      422,
    );
  }
  const incident = randomUUID();
  logger.error("http.unexpected_error", { incident, ...errorFields(error) });
  return json(
    { error: { code: "INTERNAL", message: `Something went wrong on our side (incident ${incident}).` } },
    500,
  );
}
