/**
 * The browser's way to call our HTTP API: same-origin fetch with the session cookie,
 * JSON in and out, and every failure turned into one ApiError carrying the server's
 * error code (`{ error: { code, message, details? } }`).
 */

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: Record<string, unknown> | undefined;

  constructor(status: number, code: string, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = "ApiError";
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

export interface ApiOptions {
  method?: "GET" | "POST" | "DELETE";
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

async function toApiError(response: Response): Promise<ApiError> {
  const payload: unknown = await response.json().catch(() => null);
  const error = isRecord(payload) && isRecord(payload.error) ? payload.error : null;
  if (error && typeof error.code === "string") {
    const message = typeof error.message === "string" ? error.message : "The request failed.";
    return new ApiError(response.status, error.code, message, isRecord(error.details) ? error.details : undefined);
  }
  return new ApiError(
    response.status,
    "HTTP_" + response.status,
    `The server answered ${response.status}. Please try again.`,
  );
}

/** Calls the API; resolves with the parsed JSON body (undefined for empty answers), rejects with ApiError. */
export async function api<T>(path: string, options: ApiOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: "application/json", ...options.headers };
  if (options.body !== undefined) headers["content-type"] = "application/json";
  let response: Response;
  try {
    response = await fetch(path, {
      method: options.method ?? "GET",
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      credentials: "same-origin",
      cache: "no-store",
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === "AbortError") throw error;
    throw new ApiError(0, "NETWORK", "Could not reach the server. Check your connection and try again.");
  }
  if (!response.ok) throw await toApiError(response);
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

/** Per-field messages of a 422 answer (`details.fields`), or an empty object. */
export function fieldErrorsOf(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError) || !isRecord(error.details) || !isRecord(error.details.fields)) return {};
  const fields: Record<string, string> = {};
  for (const [field, message] of Object.entries(error.details.fields)) {
    if (typeof message === "string") fields[field] = message;
  }
  return fields;
}

export function messageOf(error: unknown): string {
  if (error instanceof Error && error.message) return error.message;
  return "Something went wrong. Please try again.";
}

export function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === "AbortError";
}
