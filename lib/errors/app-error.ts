/**
 * The one error type of the product. Every failure that a caller may act on carries
 * a stable code; the HTTP layer maps codes to statuses with the table below, and
 * anything that is not an AppError becomes a generic 500.
 */
import type { ErrorMessageKey } from "./error-messages";

export const ERROR_CODES = {
  /** No valid session cookie or bearer token: sign in again. */
  UNAUTHENTICATED: 401,
  /**
   * The identity provider (Firebase Auth) could not be reached or failed: the
   * credential was not judged, so the member is not sent to sign in; try again later.
   */
  AUTH_UNAVAILABLE: 503,
  /** Signed in, but the member has not completed sign-up (name, age, consents). */
  ACCOUNT_INCOMPLETE: 403,
  /** The member exists already (sign-up completed twice). */
  ACCOUNT_EXISTS: 409,
  /** Signed in, but not allowed to do this. */
  FORBIDDEN: 403,
  /** Local mode: the Host header names another site (DNS rebinding); only APP_URL's host is served. */
  HOST_REFUSED: 421,
  /** A state-changing request from another origin, or without Origin and without a bearer token. */
  CSRF_REJECTED: 403,
  /** A staff request that shows a member's data came without a stated reason (`reason`): nothing was shown. */
  REASON_REQUIRED: 400,
  /** The thing does not exist, or is not the caller's. */
  NOT_FOUND: 404,
  /** The request body or query failed validation; `details` lists the fields. */
  VALIDATION_FAILED: 422,
  /** The path has percent-encoding that does not decode (a lone `%`, a broken UTF-8 sequence). */
  MALFORMED_URL: 400,
  /** The body is not JSON, or not UTF-8. */
  MALFORMED_JSON: 400,
  /** The body is larger than any endpoint takes (64 KiB); the server stopped reading it. */
  PAYLOAD_TOO_LARGE: 413,
  /** A JSON body sent without `Content-Type: application/json` (UTF-8). */
  UNSUPPORTED_MEDIA_TYPE: 415,
  /** A required consent or the age confirmation was refused. */
  CONSENT_REQUIRED: 422,
  /** Not enough points for what was asked; nothing was reserved. */
  INSUFFICIENT_POINTS: 402,
  /** A mutation came without its Idempotency-Key header. */
  IDEMPOTENCY_KEY_REQUIRED: 400,
  /** The Idempotency-Key was used before with a different request. */
  IDEMPOTENCY_KEY_REUSED: 409,
  /** Too many requests of this kind; `details.retryAfterSeconds` says when to try again. */
  RATE_LIMITED: 429,
  /** The thing is in a state that does not allow this (an order already canceled). */
  INVALID_STATE: 409,
  /** The member restricted the processing of their data (My page): nothing new is done with it until they lift it. */
  PROCESSING_RESTRICTED: 409,
  /** The feature is not enabled in this deployment (the sandbox in production). */
  FEATURE_DISABLED: 404,
  /** A provider's webhook without a valid signature, or signed too long ago (a replay): nothing was done. */
  WEBHOOK_REJECTED: 401,
  /**
   * The same, for a provider whose documentation asks for 400 on a bad or stale
   * signature (Stripe): nothing was done.
   */
  WEBHOOK_SIGNATURE_INVALID: 400,
  /** An outside provider (image model, payments, moderation) failed or timed out. */
  PROVIDER_FAILED: 502,
  /**
   * The payment provider answered and refused (a card declined, a refund it does not
   * allow): trying the same again will not help. `details.providerCode` is its reason.
   */
  PROVIDER_REFUSED: 422,
  /**
   * The prompt was refused by content moderation: ours, before anything is reserved,
   * or the image model's own, which charges nothing. `details.category` or
   * `details.reason` says why.
   */
  PROMPT_REFUSED: 422,
  /** The image model's provider no longer offers it (retired, or not enabled for our key). */
  MODEL_UNAVAILABLE: 503,
  /** Database: the document exists (create) or must not. */
  ALREADY_EXISTS: 409,
  /** Database: a write the store refuses (reads after writes, size, missing index). */
  DATABASE_REFUSED: 500,
  /** Database: a transaction gave up after contention. */
  CONTENTION: 503,
  /** Anything unexpected. */
  INTERNAL: 500,
} as const satisfies Record<string, number>;

export type ErrorCode = keyof typeof ERROR_CODES;

/** Arguments of an error message (ICU), e.g. `{ required: 40, balance: 10 }`. */
export type ErrorMessageValues = Record<string, string | number | Date>;

/** A message for people: a key into the `errors` messages, with its arguments. */
export interface ErrorMessage {
  key: ErrorMessageKey;
  values?: ErrorMessageValues;
}

export interface AppErrorOptions {
  values?: ErrorMessageValues;
  /** Facts for API clients (ids, limits, `retryAfterSeconds`), answered as they are. */
  details?: Record<string, unknown>;
  /** What to say beside each form field (`details.fields` of the answer), by field path. */
  fields?: Record<string, ErrorMessageKey | ErrorMessage>;
  /**
   * For developers and logs only, never answered: what exactly went wrong, in English,
   * naming ids but never a person or a prompt.
   */
  diagnostic?: string;
}

/**
 * The code is the contract with API clients; the message is a key into the `errors`
 * messages, rendered in the language of each answer (lib/http/responses.ts), so the
 * same error reads in Korean or English. `message` (Error's) holds the diagnostic, or
 * the key when there is none: what logs and stack traces show, never translated text.
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly messageKey: ErrorMessageKey;
  readonly values: ErrorMessageValues | undefined;
  readonly details: Record<string, unknown> | undefined;
  readonly fields: Record<string, ErrorMessageKey | ErrorMessage> | undefined;
  readonly diagnostic: string | undefined;

  constructor(code: ErrorCode, messageKey: ErrorMessageKey, options: AppErrorOptions = {}) {
    super(options.diagnostic ?? messageKey);
    this.name = "AppError";
    this.code = code;
    this.messageKey = messageKey;
    this.values = options.values;
    this.details = options.details;
    this.fields = options.fields;
    this.diagnostic = options.diagnostic;
  }

  get status(): number {
    return ERROR_CODES[this.code];
  }
}

export function isAppError(error: unknown, code?: ErrorCode): error is AppError {
  return error instanceof AppError && (code === undefined || error.code === code);
}
