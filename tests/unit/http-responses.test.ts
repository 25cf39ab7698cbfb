import { afterEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { AppError, ERROR_CODES, isAppError, type ErrorCode } from "../../lib/errors/app-error";
import { errorKey, type ErrorMessageKey } from "../../lib/errors/error-messages";
import { errorResponse, json } from "../../lib/http/responses";
import { translator } from "../../lib/i18n/messages";

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
  it.each<[ErrorCode, ErrorMessageKey, number]>([
    ["ACCOUNT_INCOMPLETE", "account.incomplete", 403],
    ["UNAUTHENTICATED", "auth.signInFirst", 401],
    ["NOT_FOUND", "image.notFound", 404],
    ["FEATURE_DISABLED", "order.sandboxDisabled", 404],
    ["INVALID_STATE", "generation.finished", 409],
    ["MALFORMED_JSON", "request.bodyNotJson", 400],
    ["PROVIDER_FAILED", "service.imageModelFailed", 502],
    ["CONTENTION", "service.busy", 503],
  ])("answers an AppError %s (%s) with %i, its code and its message", async (code, key, status) => {
    const response = errorResponse(new AppError(code, key), "en");
    expect(response.status).toBe(status);
    const { error } = await body(response);
    expect(error.code).toBe(code);
    expect(error.message).toBe(translator({ locale: "en", namespace: "errors" })(key));
    expect(error.message).not.toBe(key);
  });

  it("renders the message in the language asked for, with its values, and keeps the details as they are", async () => {
    const facts = { required: 4000, balance: 10 };
    const error = new AppError("INSUFFICIENT_POINTS", "points.insufficient", { values: facts, details: facts });
    expect(await body(errorResponse(error, "en"))).toEqual({
      error: {
        code: "INSUFFICIENT_POINTS",
        message: "Not enough points: this needs 4,000 and your balance is 10.",
        details: facts,
      },
    });
    expect(await body(errorResponse(error, "ko"))).toEqual({
      error: {
        code: "INSUFFICIENT_POINTS",
        message: "포인트가 부족합니다. 4,000포인트가 필요하지만 잔액은 10포인트입니다.",
        details: facts,
      },
    });
  });

  it("renders an AppError's field messages into details.fields, next to its other details", async () => {
    const error = new AppError("CONSENT_REQUIRED", "account.underAge", {
      values: { minimumAge: 14 },
      details: { consents: ["terms"] },
      fields: {
        ageConfirmed: { key: "validation.ageConfirmation", values: { minimumAge: 14 } },
        "consents.terms": "validation.consentRequired",
      },
    });
    const { error: answered } = await body(errorResponse(error, "en"));
    expect(answered).toEqual({
      code: "CONSENT_REQUIRED",
      message: "You must be 14 or older to use this service.",
      details: {
        consents: ["terms"],
        fields: {
          ageConfirmed: "Only people aged 14 or older can sign up.",
          "consents.terms": "This consent is required to use the service.",
        },
      },
    });
    expect((await body(errorResponse(error, "ko"))).error.details?.fields).toEqual({
      ageConfirmed: "만 14세 이상만 가입할 수 있습니다.",
      "consents.terms": "서비스를 이용하려면 이 항목에 동의해야 합니다.",
    });
  });

  it("never answers the diagnostic, which is for developers", async () => {
    const error = new AppError("DATABASE_REFUSED", "service.internal", { diagnostic: 'Invalid document id "a/b".' });
    const { error: answered } = await body(errorResponse(error, "en"));
    expect(answered).toEqual({
      code: "DATABASE_REFUSED",
      message: "Something went wrong on our side. Please try again.",
    });
  });

  it("answers a ZodError with 422 VALIDATION_FAILED, one message per field, the first message as the summary", async () => {
    const schema = z.object({
      prompt: z.string().min(1, errorKey("humanText.prompt.empty")),
      options: z.object({ count: z.number().max(4, errorKey("validation.count.tooMany")) }),
    });
    const response = errorResponse(zodError(schema, { prompt: "", options: { count: 9 } }), "en");
    expect(response.status).toBe(422);
    expect(await body(response)).toEqual({
      error: {
        code: "VALIDATION_FAILED",
        message: "The prompt is empty.",
        details: { fields: { prompt: "The prompt is empty.", "options.count": "Make at most 4 images at once." } },
      },
    });
  });

  it("answers the same validation error in Korean", async () => {
    const schema = z.object({ count: z.number().max(4, errorKey("validation.count.tooMany")) });
    const { error } = await body(errorResponse(zodError(schema, { count: 9 }), "ko"));
    expect(error).toEqual({
      code: "VALIDATION_FAILED",
      message: "한 번에 4장까지 만들 수 있습니다.",
      details: { fields: { count: "한 번에 4장까지 만들 수 있습니다." } },
    });
  });

  it.each<[string, z.ZodType, unknown, string, string]>([
    [
      "a missing field",
      z.object({ a: z.string() }),
      {},
      "This value is missing or of the wrong type.",
      "값이 없거나 형식이 올바르지 않습니다.",
    ],
    [
      "a string too long",
      z.object({ a: z.string().max(3) }),
      { a: "abcd" },
      "Use at most 3 characters.",
      "3자까지 입력할 수 있습니다.",
    ],
    [
      "a string too short",
      z.object({ a: z.string().min(2) }),
      { a: "a" },
      "Use at least 2 characters.",
      "2자 이상 입력해 주세요.",
    ],
    [
      "a number too big",
      z.object({ a: z.number().max(1000) }),
      { a: 1001 },
      "Use a number no greater than 1,000.",
      "1,000 이하의 숫자를 입력해 주세요.",
    ],
    [
      "a number too small",
      z.object({ a: z.number().min(1) }),
      { a: 0 },
      "Use a number no less than 1.",
      "1 이상의 숫자를 입력해 주세요.",
    ],
    [
      "a list too long",
      z.object({ a: z.array(z.number()).max(1) }),
      { a: [1, 2] },
      "Choose at most 1 item.",
      "1개까지 고를 수 있습니다.",
    ],
    [
      "a bad email",
      z.object({ a: z.email() }),
      { a: "x" },
      "Enter a valid email address.",
      "올바른 이메일 주소를 입력해 주세요.",
    ],
    [
      "an unknown option",
      z.object({ a: z.enum(["ko", "en"]) }),
      { a: "fr" },
      "Choose one of: ko, en.",
      "다음 중 하나를 골라 주세요: ko, en.",
    ],
    ["an unknown field", z.strictObject({}), { b: 1 }, "Unknown fields: b.", "알 수 없는 항목이 있습니다: b."],
    [
      "a failed refinement",
      z.object({ a: z.string().refine(() => false) }),
      { a: "x" },
      "This value is not valid.",
      "올바른 값이 아닙니다.",
    ],
  ])(
    "gives zod's built-in issue for %s a generic message of ours in each language",
    async (_what, schema, input, en, ko) => {
      const error = zodError(schema, input);
      expect(Object.values((await body(errorResponse(error, "en"))).error.details?.fields as object)).toEqual([en]);
      expect(Object.values((await body(errorResponse(error, "ko"))).error.details?.fields as object)).toEqual([ko]);
    },
  );

  it("shows a custom message only when it is one of ours, never zod's or a schema's own English", async () => {
    const schema = z.object({ a: z.string().min(5, "at least five, please") });
    const { error } = await body(errorResponse(zodError(schema, { a: "x" }), "ko"));
    expect(error.message).toBe("5자 이상 입력해 주세요.");
  });

  it("keeps only the first message of a field with several problems", async () => {
    const schema = z.object({
      key: z
        .string()
        .min(8, errorKey("validation.idempotencyKeyLength"))
        .regex(/^[a-z]+$/, errorKey("validation.idempotencyKeyCharacters")),
    });
    const { error } = await body(errorResponse(zodError(schema, { key: "A!" }), "en"));
    expect(error.details).toEqual({ fields: { key: "Idempotency-Key must be 8 to 128 characters." } });
  });

  it("files a problem with the whole body under 'body'", async () => {
    const { error } = await body(errorResponse(zodError(z.object({ a: z.string() }), "not an object"), "en"));
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
      const response = errorResponse(thrown, "en");
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

  it("names the incident in Korean too", async () => {
    vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    const { error } = await body(errorResponse(new Error("a"), "ko"));
    expect(error.message).toMatch(/^저희 쪽에서 문제가 생겼습니다\(오류 번호 [0-9a-f-]{36}\)\.$/);
  });

  it("gives every unexpected error its own incident id", async () => {
    vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    const first = (await body(errorResponse(new Error("a"), "en"))).error.message;
    const second = (await body(errorResponse(new Error("a"), "en"))).error.message;
    expect(first).not.toBe(second);
  });
});

describe("ERROR_CODES", () => {
  it.each(Object.entries(ERROR_CODES))("maps %s to a 4xx or 5xx status", (code, status) => {
    expect(status).toBeGreaterThanOrEqual(400);
    expect(status).toBeLessThan(600);
    expect(new AppError(code as ErrorCode, "service.internal").status).toBe(status);
  });

  it("is what isAppError checks codes against", () => {
    const error = new AppError("NOT_FOUND", "request.notFound");
    expect(isAppError(error)).toBe(true);
    expect(isAppError(error, "NOT_FOUND")).toBe(true);
    expect(isAppError(error, "FORBIDDEN")).toBe(false);
    expect(isAppError(new Error("x"))).toBe(false);
  });
});
