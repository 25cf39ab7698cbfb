import { isAppError } from "@/lib/errors/app-error";
import { authenticate } from "@/lib/http/authenticate";
import { readJson } from "@/lib/http/read-json";
import { json } from "@/lib/http/responses";
import { publicRoute } from "@/lib/http/route";
import { cookieChoiceHeader } from "@/lib/privacy/cookie-consent";
import { recordCookieChoice } from "@/lib/privacy/record-cookie-choice";

/**
 * Stores a visitor's cookie choice in the one necessary cookie that holds it, and,
 * for a signed-in member, records it as consent too. No credential, or one Firebase
 * refuses, is a visitor; Firebase being unreachable is an error, so a member's choice
 * is never kept without its record.
 */
export const POST = publicRoute(async ({ request, services, locale }) => {
  const input = await readJson(request);
  let uid: string | null = null;
  try {
    uid = (await authenticate(request, services)).uid;
  } catch (error) {
    if (!isAppError(error, "UNAUTHENTICATED")) throw error;
  }
  const choice = await recordCookieChoice({ services, uid, input, requestLocale: locale });
  const secure = services.config.APP_URL.startsWith("https://");
  return json(choice, 200, { "set-cookie": cookieChoiceHeader(choice, secure) });
});
