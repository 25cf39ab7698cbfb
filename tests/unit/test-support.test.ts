/** The shared test helpers must fail when their condition is not met, or tests using them prove nothing. */
import { describe, expect, it } from "vitest";
import { AppError } from "../../lib/errors/app-error";
import { expectAppError } from "../support/app-error-thrown";
import { waitFor } from "../support/wait-for";

const notFound = () => new AppError("NOT_FOUND", "image.notFound");

describe("expectAppError", () => {
  it("answers synchronously for a function that throws", () => {
    const error = expectAppError(() => {
      throw notFound();
    }, "NOT_FOUND");
    expect(error.messageKey).toBe("image.notFound");
  });

  it("awaits a promise and an async function", async () => {
    expect((await expectAppError(Promise.reject(notFound()), "NOT_FOUND")).code).toBe("NOT_FOUND");
    expect((await expectAppError(async () => Promise.reject(notFound()))).code).toBe("NOT_FOUND");
  });

  it("fails when nothing is thrown, the code differs, or the error is no AppError", async () => {
    expect(() => expectAppError(() => 1)).toThrow("nothing was thrown");
    await expect(expectAppError(Promise.resolve(1))).rejects.toThrow("nothing was thrown");
    expect(() =>
      expectAppError(() => {
        throw notFound();
      }, "INTERNAL"),
    ).toThrow();
    await expect(expectAppError(Promise.reject(new Error("plain")))).rejects.toThrow();
  });
});

describe("waitFor", () => {
  it("returns the first value that is not undefined, null or false", async () => {
    let calls = 0;
    expect(await waitFor(() => (++calls >= 3 ? calls : undefined), { intervalMs: 1 })).toBe(3);
  });

  it("fails after its timeout, naming what it waited for and the last answer", async () => {
    await expect(waitFor(() => false, { what: "the moon", timeoutMs: 30, intervalMs: 5 })).rejects.toThrow(
      /the moon; the last check gave false/,
    );
  });
});
