import { expect } from "vitest";
import { AppError } from "../../lib/errors/app-error";

/** Runs `action`, expects it to throw an AppError, and returns that error for more checks. */
export function appErrorThrownBy(action: () => unknown): AppError {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  }
  throw new Error("Expected an AppError, but nothing was thrown.");
}
