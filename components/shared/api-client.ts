/**
 * The browser's way to call our HTTP API: same-origin fetch with the session cookie,
 * JSON in and out, and every failure turned into one ApiError carrying the server's
 * error code (`{ error: { code, message, details? } }`). Every call asks for the
 * page's language, so the server's error messages come back in it.
 */
import { isLocale } from "@/lib/i18n/locales";

/** No answer came (offline, DNS, connection refused): the message is ours, not the server's. */
export const NETWORK_ERROR = "NETWORK";
/** An answer without our error shape (a proxy's error page): the message is ours, not the server's. */
export const UNEXPECTED_ANSWER = "UNEXPECTED_ANSWER";

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
  method?: "GET" | "POST" | "PUT" | "DELETE";
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
  /** Let the request finish even if the page navigates away meanwhile. */
  keepalive?: boolean;
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
  return new ApiError(response.status, UNEXPECTED_ANSWER, `The server answered ${response.status}. Please try again.`);
}

/**
 * The language of the page making the call: the locale layout writes it into
 * <html lang>, so every caller, on every page, asks in the language it shows.
 */
function pageLocale(): string | null {
  if (typeof document === "undefined") return null;
  const lang = document.documentElement.lang;
  return isLocale(lang) ? lang : null;
}

/** Calls the API; resolves with the parsed JSON body (undefined for empty answers), rejects with ApiError. */
export async function api<T>(path: string, options: ApiOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: "application/json", ...options.headers };
  if (options.body !== undefined) headers["content-type"] = "application/json";
  const locale = pageLocale();
  if (locale) headers["accept-language"] = locale;
  let response: Response;
  try {
    response = await fetch(path, {
      method: options.method ?? "GET",
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      credentials: "same-origin",
      cache: "no-store",
      signal: options.signal,
      keepalive: options.keepalive,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === "AbortError") throw error;
    throw new ApiError(0, NETWORK_ERROR, "Could not reach the server. Check your connection and try again.");
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

/**
 * The error's own message: the server's (in the page's language), or English words of
 * ours when no server answered. Member pages show useErrorText's words instead.
 */
export function messageOf(error: unknown): string {
  if (error instanceof Error && error.message) return error.message;
  return "Something went wrong. Please try again.";
}

export function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === "AbortError";
}
