import { expect } from "vitest";
import { AppError, type ErrorCode } from "../../lib/errors/app-error";

const NOTHING_THROWN = "Expected an AppError, but nothing was thrown.";

function checked(error: unknown, code: ErrorCode | undefined): AppError {
  expect(error).toBeInstanceOf(AppError);
  if (code !== undefined) expect((error as AppError).code).toBe(code);
  return error as AppError;
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return typeof (value as { then?: unknown } | null)?.then === "function";
}

async function settled(pending: PromiseLike<unknown>, code: ErrorCode | undefined): Promise<AppError> {
  let outcome: { error: unknown } | undefined;
  try {
    await pending;
  } catch (error) {
    outcome = { error };
  }
  if (!outcome) throw new Error(NOTHING_THROWN);
  return checked(outcome.error, code);
}

/** What expectAppError gives: a promise for asynchronous actions, the error itself for synchronous ones. */
type Outcome<A> =
  A extends PromiseLike<unknown>
    ? Promise<AppError>
    : A extends () => infer R
      ? [R] extends [never]
        ? AppError
        : R extends PromiseLike<unknown>
          ? Promise<AppError>
          : AppError
      : never;

/**
 * Expects an action to fail with an AppError (of `code`, when given) and returns the
 * error for more checks. A promise, or a function returning one, is awaited: the
 * result is then a promise too. A synchronous function answers synchronously, so
 * pure rules can be checked without async tests.
 */
export function expectAppError<A extends PromiseLike<unknown> | (() => unknown)>(
  action: A,
  code?: ErrorCode,
): Outcome<A> {
  return outcomeOf(action, code) as Outcome<A>;
}

function outcomeOf(
  action: PromiseLike<unknown> | (() => unknown),
  code: ErrorCode | undefined,
): AppError | Promise<AppError> {
  if (isThenable(action)) return settled(action, code);
  let result: unknown;
  try {
    result = action();
  } catch (error) {
    return checked(error, code);
  }
  if (isThenable(result)) return settled(result, code);
  throw new Error(NOTHING_THROWN);
}
