import { afterEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { AppError, ERROR_CODES, isAppError, type ErrorCode } from "../../lib/errors/app-error";
import { errorResponse, json } from "../../lib/http/responses";

interface ErrorBody {
  error: { code: string; message: string; details?: Record<string, unknown> };
}

async function body(response: Response): Promise<ErrorBody> {
  return (await response.json()) as ErrorBody;
}

function zodError(schema: z.ZodType, input: unknown): z.ZodError {
  const result = schema.safeParse(input);
  if (result.success) throw new Error("Expected the input to be invalid.");
  return result.error;
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe("json", () => {
  it("answers JSON that is never cached, with the given status and headers", async () => {
    const response = json({ ok: true }, 201, { location: "/x" });
    expect(response.status).toBe(201);
    expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(response.headers.get("location")).toBe("/x");
    expect(await response.json()).toEqual({ ok: true });
  });
});

describe("errorResponse", () => {
  it.each<[ErrorCode, number]>([
    ["INSUFFICIENT_POINTS", 402],
    ["ACCOUNT_INCOMPLETE", 403],
    ["UNAUTHENTICATED", 401],
    ["NOT_FOUND", 404],
    ["FEATURE_DISABLED", 404],
    ["INVALID_STATE", 409],
    ["MALFORMED_JSON", 400],
    ["PROVIDER_FAILED", 502],
    ["CONTENTION", 503],
  ])("answers an AppError %s with %i, its code and message", async (code, status) => {
    const response = errorResponse(new AppError(code, `because ${code}`));
    expect(response.status).toBe(status);
    expect(await body(response)).toEqual({ error: { code, message: `because ${code}` } });
  });

  it("keeps an AppError's details", async () => {
    const response = errorResponse(new AppError("INSUFFICIENT_POINTS", "Not enough.", { required: 40, balance: 10 }));
    expect(await body(response)).toEqual({
      error: { code: "INSUFFICIENT_POINTS", message: "Not enough.", details: { required: 40, balance: 10 } },
    });
  });

  it("answers a ZodError with 422 VALIDATION_FAILED, one message per field, the first message as the summary", async () => {
    const schema = z.object({
      prompt: z.string().min(1, "The prompt is empty"),
      options: z.object({ count: z.number().max(4, "count must be 1 to 4") }),
    });
    const response = errorResponse(zodError(schema, { prompt: "", options: { count: 9 } }));
    expect(response.status).toBe(422);
    expect(await body(response)).toEqual({
      error: {
        code: "VALIDATION_FAILED",
        message: "The prompt is empty",
        details: { fields: { prompt: "The prompt is empty", "options.count": "count must be 1 to 4" } },
      },
    });
  });

  it("keeps only the first message of a field with several problems", async () => {
    const schema = z.object({
      key: z
        .string()
        .min(8, "too short")
        .regex(/^[a-z]+$/, "letters only"),
    });
    const { error } = await body(errorResponse(zodError(schema, { key: "A!" })));
    expect(error.details).toEqual({ fields: { key: "too short" } });
  });

  it("files a problem with the whole body under 'body'", async () => {
    const { error } = await body(errorResponse(zodError(z.object({ a: z.string() }), "not an object")));
    expect(error.code).toBe("VALIDATION_FAILED");
    expect(Object.keys(error.details?.fields as object)).toEqual(["body"]);
  });

  it.each([
    ["an Error", new Error("SQLITE_CORRUPT at /srv/data/secret.sqlite, user alice@example.com")],
    ["a thrown string", "SQLITE_CORRUPT at /srv/data/secret.sqlite, user alice@example.com"],
  ])(
    "answers %s with a generic 500 that leaks nothing, and logs it under the incident id it names",
    async (_what, thrown) => {
      const logged: string[] = [];
      vi.spyOn(process.stderr, "write").mockImplementation((chunk: string | Uint8Array) => {
        logged.push(String(chunk));
        return true;
      });
      const response = errorResponse(thrown);
      expect(response.status).toBe(500);
      const { error } = await body(response);
      expect(error.code).toBe("INTERNAL");
      expect(error.details).toBeUndefined();
      expect(error.message).not.toContain("SQLITE");
      expect(error.message).not.toContain("alice");
      const incident = /incident ([0-9a-f-]{36})/.exec(error.message)?.[1];
      expect(incident).toBeDefined();
      const line = logged
        .map((l) => JSON.parse(l) as Record<string, unknown>)
        .find((l) => l.event === "http.unexpected_error");
      expect(line).toMatchObject({ level: "error", incident });
    },
  );

  it("gives every unexpected error its own incident id", async () => {
    vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    const first = (await body(errorResponse(new Error("a")))).error.message;
    const second = (await body(errorResponse(new Error("a")))).error.message;
    expect(first).not.toBe(second);
  });
});

describe("ERROR_CODES", () => {
  it.each(Object.entries(ERROR_CODES))("maps %s to a 4xx or 5xx status", (code, status) => {
    expect(status).toBeGreaterThanOrEqual(400);
    expect(status).toBeLessThan(600);
    expect(new AppError(code as ErrorCode, "x").status).toBe(status);
  });

  it("is what isAppError checks codes against", () => {
    const error = new AppError("NOT_FOUND", "x");
    expect(isAppError(error)).toBe(true);
    expect(isAppError(error, "NOT_FOUND")).toBe(true);
    expect(isAppError(error, "FORBIDDEN")).toBe(false);
    expect(isAppError(new Error("x"))).toBe(false);
  });
});
