import { readJson } from "@/lib/http/read-json";
import { json } from "@/lib/http/responses";
import { memberRoute } from "@/lib/http/route";
import { clearedSessionCookieHeader } from "@/lib/http/session-cookie";
import { describeWithdrawal } from "@/lib/withdrawal/describe-withdrawal";
import { requestWithdrawal } from "@/lib/withdrawal/request-withdrawal";

/** What closing the account would do: the points that lapse, and what must finish first. */
export const GET = memberRoute(async ({ services, user }) =>
  json(await describeWithdrawal({ services, uid: user.uid })),
);

/** Closes the account (회원 탈퇴) after a fresh re-authentication and an explicit confirmation; signs out. */
export const POST = memberRoute(async ({ request, services, user }) => {
  const outcome = await requestWithdrawal({ services, uid: user.uid, input: await readJson(request) });
  const secure = services.config.APP_URL.startsWith("https://");
  return json(outcome, 200, { "set-cookie": clearedSessionCookieHeader(secure) });
});
