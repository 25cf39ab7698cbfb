/**
 * The member's language and time zone: chosen at sign-up (or taken from the request),
 * changed through PUT /api/account/preferences, and used for their mail when it is
 * sent.
 */
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { PUT as putPreferences } from "../../app/api/account/preferences/route";
import { POST as postAccount } from "../../app/api/account/route";
import { POST as postVerificationEmail } from "../../app/api/account/verification-email/route";
import { GET as getMe } from "../../app/api/me/route";
import { POST as postPasswordReset } from "../../app/api/password-reset/route";
import { POST as postSession } from "../../app/api/session/route";
import { MEMBERS } from "../../lib/accounts/members";
import { GENERATIONS } from "../../lib/generation/generation-job";
import { runGenerationJob } from "../../lib/generation/run-generation-job";
import { submitGeneration } from "../../lib/generation/submit-generation";
import { translator } from "../../lib/i18n/messages";
import { deliverMailOutbox } from "../../lib/mail/deliver-mail-outbox";
import type { MailKind } from "../../lib/mail/mailer";
import { ORDERS } from "../../lib/orders/order";
import { completeSandboxPayment } from "../../lib/payments/complete-sandbox-payment";
import { getServices } from "../../lib/services";
import { applyOobCode, signUpUser, type TestUser } from "../support/firebase-users";
import { APP_ORIGIN, call, readError } from "../support/http";
import { buyPoints } from "../support/members";

const services = getServices();
const signUp = { name: "Kim Minji", ageConfirmed: true, consents: { terms: true, privacy: true, marketing: false } };
const errorsKo = translator({ locale: "ko", namespace: "errors" });

/** A signed-up member; the sign-up request asked for `acceptLanguage` and sent `body` besides the required fields. */
async function member(options: { acceptLanguage?: string; body?: object } = {}): Promise<TestUser> {
  const user = await signUpUser();
  const headers: Record<string, string> = options.acceptLanguage ? { "accept-language": options.acceptLanguage } : {};
  const response = await call(postAccount, {
    method: "POST",
    path: "/api/account",
    body: { ...signUp, ...options.body },
    token: user.idToken,
    headers,
  });
  expect(response.status).toBe(201);
  return user;
}

async function me(user: TestUser): Promise<Record<string, unknown>> {
  return (await (await call(getMe, { path: "/api/me", token: user.idToken })).json()) as Record<string, unknown>;
}

function choose(user: TestUser, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return call(putPreferences, { method: "PUT", path: "/api/account/preferences", body, token: user.idToken, headers });
}

async function stored(uid: string) {
  return (await services.db.get(MEMBERS, uid))?.data;
}

async function mailsTo(email: string, kind?: MailKind) {
  return (await services.localMailbox!.list()).filter((mail) => mail.to === email && (!kind || mail.kind === kind));
}

describe("the language and time zone chosen at sign-up", () => {
  it("are what the body names, the zone stored under its canonical name", async () => {
    const user = await member({ acceptLanguage: "ko", body: { locale: "en", timeZone: "america/new_york" } });
    expect(await me(user)).toMatchObject({ locale: "en", timeZone: "America/New_York" });
  });

  it("default to the request's language and to Seoul", async () => {
    expect(await me(await member({ acceptLanguage: "en-US,en;q=0.9" }))).toMatchObject({
      locale: "en",
      timeZone: "Asia/Seoul",
    });
    expect(await me(await member({ acceptLanguage: "fr-FR,fr;q=0.9" }))).toMatchObject({
      locale: "ko",
      timeZone: "Asia/Seoul",
    });
    expect(await me(await member())).toMatchObject({ locale: "ko", timeZone: "Asia/Seoul" });
  });

  it("refuse a zone that does not exist with 422, storing no member", async () => {
    const user = await signUpUser();
    const response = await call(postAccount, {
      method: "POST",
      path: "/api/account",
      body: { ...signUp, timeZone: "Mars/Olympus_Mons" },
      token: user.idToken,
    });
    expect(response.status).toBe(422);
    expect((await readError(response)).details).toEqual({ fields: { timeZone: errorsKo("validation.timeZone") } });
    expect(await stored(user.uid)).toBeUndefined();
  });
});

describe("PUT /api/account/preferences", () => {
  it("stores the language, the time zone or both; what is left out keeps its value", async () => {
    const user = await member();
    const language = await choose(user, { locale: "en" });
    expect(language.status).toBe(200);
    expect(await language.json()).toEqual({ locale: "en", timeZone: "Asia/Seoul" });
    const zone = await choose(user, { timeZone: "Europe/Berlin" });
    expect(await zone.json()).toEqual({ locale: "en", timeZone: "Europe/Berlin" });
    expect(await me(user)).toMatchObject({ locale: "en", timeZone: "Europe/Berlin" });
    expect(await (await choose(user, { locale: "ko", timeZone: "Asia/Seoul" })).json()).toEqual({
      locale: "ko",
      timeZone: "Asia/Seoul",
    });
  });

  it.each<[string, unknown, string]>([
    ["nothing to store", {}, "body"],
    ["fields it does not know only", { language: "en" }, "body"],
    ["a language we do not speak", { locale: "fr" }, "locale"],
    ["a zone that does not exist", { timeZone: "Mars/Olympus_Mons" }, "timeZone"],
    ["a good language with a bad zone", { locale: "en", timeZone: "nowhere" }, "timeZone"],
    ["a zone that is not a string", { locale: "en", timeZone: 9 }, "timeZone"],
    ["a language that is not a string", { locale: null }, "locale"],
  ])("refuses %s with 422 naming the field, changing nothing", async (_what, body, field) => {
    const user = await member({ body: { timeZone: "Asia/Tokyo" } });
    const before = await stored(user.uid);
    const response = await choose(user, body);
    expect(response.status).toBe(422);
    const error = await readError(response);
    expect(error.code).toBe("VALIDATION_FAILED");
    expect(Object.keys(error.details?.fields as object)).toEqual([field]);
    expect(await stored(user.uid)).toEqual(before);
  });

  it("refuses a body that is not JSON with 400, changing nothing", async () => {
    const user = await member();
    const before = await stored(user.uid);
    const response = await call(putPreferences, {
      method: "PUT",
      path: "/api/account/preferences",
      rawBody: '{"locale": "en"',
      token: user.idToken,
    });
    expect(response.status).toBe(400);
    expect(await stored(user.uid)).toEqual(before);
  });

  it("refuses a request from another site, or without Origin, even with the member's cookie", async () => {
    const user = await member();
    const session = await call(postSession, { method: "POST", path: "/api/session", body: { idToken: user.idToken } });
    const cookie = /__session=[^;]*/.exec(session.headers.get("set-cookie") ?? "")?.[0];
    expect(cookie).toBeDefined();
    const before = await stored(user.uid);
    for (const origin of ["https://evil.example", null]) {
      const response = await call(putPreferences, {
        method: "PUT",
        path: "/api/account/preferences",
        body: { locale: "en" },
        cookie,
        origin,
      });
      expect(response.status).toBe(403);
      expect((await readError(response)).code).toBe("CSRF_REJECTED");
    }
    expect(await stored(user.uid)).toEqual(before);
    const own = await call(putPreferences, {
      method: "PUT",
      path: "/api/account/preferences",
      body: { locale: "en" },
      cookie,
      origin: APP_ORIGIN,
    });
    expect(own.status).toBe(200);
  });

  it("answers 401 without credentials, and 403 to a user who has not completed sign-up", async () => {
    const anonymous = await call(putPreferences, {
      method: "PUT",
      path: "/api/account/preferences",
      body: { locale: "en" },
    });
    expect(anonymous.status).toBe(401);
    expect((await readError(anonymous)).code).toBe("UNAUTHENTICATED");
    const user = await signUpUser();
    const incomplete = await choose(user, { locale: "en" });
    expect(incomplete.status).toBe(403);
    expect((await readError(incomplete)).code).toBe("ACCOUNT_INCOMPLETE");
    expect(await stored(user.uid)).toBeUndefined();
  });
});

describe("mail in the member's language and time zone", () => {
  it("sends the result mail in the language and zone stored when it goes out, linking to that language", async () => {
    const user = await member({ acceptLanguage: "ko" });
    await applyOobCode(await services.auth.emailVerificationCode(user.email));
    await buyPoints(services, user.uid);
    expect((await choose(user, { locale: "en", timeZone: "America/New_York" })).status).toBe(200);
    const input = { prompt: "a lighthouse", model: "local-sketch", size: "512x512", count: 1 };
    const { id } = await submitGeneration({ services, uid: user.uid, input, idempotencyKey: randomUUID() });
    await runGenerationJob({ services, generationId: id, workerId: "language-test" });
    await deliverMailOutbox({ services });

    const [mail] = await mailsTo(user.email, "generation-result");
    expect(mail?.subject).toBe("Your image is ready");
    expect(mail?.text).toContain(`See my image: ${APP_ORIGIN}/en/generations/${id}`);
    const requestedAt = new Date((await services.db.get(GENERATIONS, id))!.data.createdAt);
    const summary = (timeZone: string) =>
      translator({ locale: "en", namespace: "mail", timeZone })("generationResult.summary", { made: 1, requestedAt });
    expect(mail?.text).toContain(summary("America/New_York"));
    expect(summary("America/New_York")).not.toBe(summary("Asia/Seoul"));
  });

  it("sends the purchase mail in the member's language and zone: order number, amount, points and receipt", async () => {
    const user = await member({ acceptLanguage: "ko" });
    await applyOobCode(await services.auth.emailVerificationCode(user.email));
    await buyPoints(services, user.uid);
    await deliverMailOutbox({ services });
    const [order] = await services.db.query({
      collection: ORDERS,
      where: [{ field: "uid", op: "==", value: user.uid }],
    });
    const paidAt = new Date(order!.data.paidAt!);
    const [ko] = await mailsTo(user.email, "purchase-confirmation");
    expect(ko?.subject).toBe("결제가 완료되었습니다: 1,000포인트 충전");
    expect(ko?.text).toContain(`주문 번호: ${order!.id.slice(0, 8)}`);
    expect(ko?.text).toContain("₩15,000");
    expect(ko?.text).toContain(`영수증 보기: ${APP_ORIGIN}/checkout/sandbox/${order!.id}`);
    expect(ko?.text).toContain(
      translator({ locale: "ko", namespace: "mail", timeZone: "Asia/Seoul" })("purchase.summary", {
        amount: "₩15,000",
        points: 1000,
        paidAt,
      }),
    );

    expect((await choose(user, { locale: "en", timeZone: "America/New_York" })).status).toBe(200);
    await buyPoints(services, user.uid);
    await deliverMailOutbox({ services });
    const english = (await mailsTo(user.email, "purchase-confirmation")).find((mail) =>
      mail.subject.startsWith("Payment"),
    );
    expect(english?.subject).toBe("Payment received: 1,000 points added");
    expect(english?.text).toContain("₩15,000");
    expect(english?.text).toContain(`Your orders and points history are on your points page: ${APP_ORIGIN}/en/points`);
    const summary = (timeZone: string) =>
      translator({ locale: "en", namespace: "mail", timeZone })("purchase.summary", {
        amount: "₩15,000",
        points: 1000,
        paidAt,
      });
    expect(summary("America/New_York")).not.toBe(summary("Asia/Seoul"));
  });

  it("queues one purchase mail however often the payment is confirmed", async () => {
    const user = await member({ acceptLanguage: "en" });
    await applyOobCode(await services.auth.emailVerificationCode(user.email));
    await buyPoints(services, user.uid);
    const [order] = await services.db.query({
      collection: ORDERS,
      where: [{ field: "uid", op: "==", value: user.uid }],
    });
    await Promise.all(
      Array.from({ length: 5 }, () => completeSandboxPayment({ services, uid: user.uid, orderId: order!.id })),
    );
    await deliverMailOutbox({ services });
    await deliverMailOutbox({ services });
    expect(await mailsTo(user.email, "purchase-confirmation")).toHaveLength(1);
  });

  it("sends the confirmation mail in the member's language, whatever the request asks for", async () => {
    const user = await member({ body: { locale: "en" } });
    const response = await call(postVerificationEmail, {
      method: "POST",
      path: "/api/account/verification-email",
      token: user.idToken,
      headers: { "accept-language": "ko" },
    });
    expect(response.status).toBe(202);
    const [mail] = await mailsTo(user.email);
    expect(mail?.subject).toBe("Confirm your email address");
    expect(mail?.text).toContain(`${APP_ORIGIN}/en/auth/action?mode=verifyEmail&oobCode=`);
  });

  it("sends a password reset in the member's language, and in the request's to an address without a member", async () => {
    const english = await member({ body: { locale: "en" } });
    const noMember = await signUpUser();
    for (const [email, acceptLanguage] of [
      [english.email, "ko"],
      [noMember.email, "en-US,en;q=0.9"],
    ] as const) {
      const response = await call(postPasswordReset, {
        method: "POST",
        path: "/api/password-reset",
        body: { email },
        headers: { "accept-language": acceptLanguage },
      });
      expect(response.status).toBe(202);
    }
    await deliverMailOutbox({ services });
    for (const email of [english.email, noMember.email]) {
      const [mail] = await mailsTo(email);
      expect(mail?.subject).toBe("Reset your password");
      expect(mail?.text).toContain(`${APP_ORIGIN}/en/auth/action?mode=resetPassword&oobCode=`);
    }
  });

  it("sends a password reset in Korean when the request asks for nothing we speak", async () => {
    const noMember = await signUpUser();
    await call(postPasswordReset, {
      method: "POST",
      path: "/api/password-reset",
      body: { email: noMember.email },
      headers: { "accept-language": "de-DE" },
    });
    await deliverMailOutbox({ services });
    const [mail] = await mailsTo(noMember.email);
    expect(mail?.subject).toBe("비밀번호 재설정 안내");
    expect(mail?.text).toContain(`${APP_ORIGIN}/ko/auth/action?mode=resetPassword&oobCode=`);
  });
});
