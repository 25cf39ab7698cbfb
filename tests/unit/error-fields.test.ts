import { describe, expect, it } from "vitest";
import { AppError } from "../../lib/errors/app-error";
import { errorFields } from "../../lib/observability/logger";

describe("errorFields", () => {
  it("keeps the message of our own errors, which name no person", () => {
    expect(errorFields(new AppError("CONTENTION", "The database stayed locked."))).toEqual({
      errorName: "AppError",
      errorCode: "CONTENTION",
      errorMessage: "The database stayed locked.",
    });
  });

  it("leaves out another library's message, which may name a recipient or quote a prompt", () => {
    const bounce = Object.assign(new Error("550 mailbox kim@example.com unavailable"), { code: 550 });
    const fields = errorFields(bounce);
    expect(fields).toMatchObject({ errorName: "Error", errorCode: 550 });
    expect(JSON.stringify(fields)).not.toContain("kim@example.com");
    expect(fields.errorFrames).toMatch(/^at /);
    expect(JSON.stringify(errorFields("a thrown string with a prompt"))).not.toContain("prompt");
  });
});
