/**
 * The API answers error messages in the language of each request's Accept-Language:
 * the same code, details and fields in every language, the words in Korean or
 * English, Korean when the header names neither.
 */
import { describe, expect, it } from "vitest";
import { GET as getMe } from "../../app/api/me/route";
import { POST as postPasswordReset } from "../../app/api/password-reset/route";
import { translator } from "../../lib/i18n/messages";
import { call, readError } from "../support/http";

const errorsIn = {
  ko: translator({ locale: "ko", namespace: "errors" }),
  en: translator({ locale: "en", namespace: "errors" }),
};

function askReset(email: string, acceptLanguage: string | null): Promise<Response> {
  const headers: Record<string, string> = acceptLanguage === null ? {} : { "accept-language": acceptLanguage };
  return call(postPasswordReset, { method: "POST", path: "/api/password-reset", body: { email }, headers });
}

describe("error messages", () => {
  it.each<[string | null, "ko" | "en"]>([
    ["ko", "ko"],
    ["ko-KR,ko;q=0.9,en-US;q=0.8", "ko"],
    ["en-US,en;q=0.9", "en"],
    ["en-GB", "en"],
    ["ko;q=0.1,en;q=0.5", "en"],
    ["fr-FR,fr;q=0.9", "ko"],
    [null, "ko"],
  ])("answer Accept-Language %s in %s, with the same code and fields", async (acceptLanguage, expected) => {
    const response = await askReset("not an address", acceptLanguage);
    expect(response.status).toBe(422);
    expect(await readError(response)).toEqual({
      code: "VALIDATION_FAILED",
      message: errorsIn[expected]("validation.email"),
      details: { fields: { email: errorsIn[expected]("validation.email") } },
    });
  });

  it("say the same refusal in Korean and in English", async () => {
    const korean = await call(getMe, { path: "/api/me", headers: { "accept-language": "ko" } });
    const english = await call(getMe, { path: "/api/me", headers: { "accept-language": "en-US,en;q=0.9" } });
    expect(korean.status).toBe(401);
    expect(english.status).toBe(401);
    expect(await readError(korean)).toEqual({ code: "UNAUTHENTICATED", message: "먼저 로그인해 주세요." });
    expect(await readError(english)).toEqual({ code: "UNAUTHENTICATED", message: "Sign in first." });
  });

  it("answer a body that is not JSON in the language asked for", async () => {
    const response = await call(postPasswordReset, {
      method: "POST",
      path: "/api/password-reset",
      rawBody: "{",
      headers: { "accept-language": "en" },
    });
    expect(await readError(response)).toEqual({
      code: "MALFORMED_JSON",
      message: "The request body is not valid JSON.",
    });
  });
});
