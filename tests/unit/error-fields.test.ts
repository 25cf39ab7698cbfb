import { describe, expect, it } from "vitest";
import { AppError } from "../../lib/errors/app-error";
import { errorFields } from "../../lib/observability/logger";

describe("errorFields", () => {
  it("tells our own errors by code, message key and diagnostic, never by the text people read", () => {
    expect(
      errorFields(new AppError("CONTENTION", "service.busy", { diagnostic: "The database stayed locked." })),
    ).toEqual({
      errorName: "AppError",
      errorCode: "CONTENTION",
      errorKey: "service.busy",
      errorDiagnostic: "The database stayed locked.",
    });
    const insufficient = new AppError("INSUFFICIENT_POINTS", "points.insufficient", {
      values: { required: 40, balance: 10 },
    });
    expect(errorFields(insufficient)).toEqual({
      errorName: "AppError",
      errorCode: "INSUFFICIENT_POINTS",
      errorKey: "points.insufficient",
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
