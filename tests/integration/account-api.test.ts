import { describe, expect, it } from "vitest";
import { POST as postAccount } from "../../app/api/account/route";
import { POST as postVerificationEmail } from "../../app/api/account/verification-email/route";
import { GET as getAccountData } from "../../app/api/account/data/route";
import { GET as getMe } from "../../app/api/me/route";
import { POST as postPasswordReset } from "../../app/api/password-reset/route";
import { DELETE as deleteSession, POST as postSession } from "../../app/api/session/route";
import { GET as getCatalog } from "../../app/api/catalog/route";
import { getAuth } from "firebase-admin/auth";
import { CONSENT_RECORDS, MEMBERS } from "../../lib/accounts/members";
import { firebaseAdminApp } from "../../lib/firebase/admin-app";
import { deliverMailOutbox } from "../../lib/mail/deliver-mail-outbox";
import { translator } from "../../lib/i18n/messages";
import { consentVersion } from "../../lib/accounts/consent-version";
import { CONSENT_TEXTS } from "../../lib/privacy/policy-versions";
import { getServices } from "../../lib/services";
import { randomUUID } from "node:crypto";
import {
  applyOobCode,
  resetPasswordWithCode,
  signInUser,
  signInWithGoogle,
  signUpUser,
} from "../support/firebase-users";
import { APP_ORIGIN, call, readError } from "../support/http";
import { waitFor } from "../support/wait-for";

const services = getServices();
const mailKo = translator({ locale: "ko", namespace: "mail" });
const completeSignUp = {
  name: "Kim Minji",
  ageConfirmed: true,
  consents: { terms: true, privacy: true, marketing: true },
  locale: "ko",
};

function sessionCookieFrom(response: Response): string {
  const header = response.headers.get("set-cookie") ?? "";
  const match = /__session=([^;]*)/.exec(header);
  if (!match?.[1]) throw new Error(`No session cookie in "${header}"`);
  return `__session=${match[1]}`;
}

async function newSession(): Promise<{ uid: string; email: string; password: string; cookie: string }> {
  const user = await signUpUser();
  const response = await call(postSession, {
    method: "POST",
    path: "/api/session",
    body: { idToken: user.idToken },
    headers: { origin: APP_ORIGIN },
  });
  expect(response.status).toBe(200);
  return { ...user, cookie: sessionCookieFrom(response) };
}

function linkCode(text: string, mode: string): string {
  const match = new RegExp(`/auth/action\\?mode=${mode}&oobCode=([^\\s&]+)`).exec(text);
  if (!match?.[1]) throw new Error(`No ${mode} link in the mail`);
  return decodeURIComponent(match[1]);
}

describe("sessions", () => {
  it("sets an httpOnly, SameSite session cookie that identifies the user", async () => {
    const user = await signUpUser();
    const response = await call(postSession, {
      method: "POST",
      path: "/api/session",
      body: { idToken: user.idToken },
      headers: { origin: APP_ORIGIN },
    });
    const header = response.headers.get("set-cookie") ?? "";
    expect(header).toMatch(/HttpOnly/);
    expect(header).toMatch(/SameSite=Lax/);
    expect(header).toMatch(/Max-Age=432000/);
    const me = await call(getMe, { path: "/api/me", cookie: sessionCookieFrom(response) });
    // Signed in, but sign-up is not completed yet.
    expect(me.status).toBe(403);
    expect((await readError(me)).code).toBe("ACCOUNT_INCOMPLETE");
  });

  it("refuses a session from another origin, a bad token and a malformed body", async () => {
    const user = await signUpUser();
    const foreign = await call(postSession, {
      method: "POST",
      path: "/api/session",
      body: { idToken: user.idToken },
      headers: { origin: "https://evil.example" },
    });
    expect(foreign.status).toBe(403);
    expect(foreign.headers.get("set-cookie")).toBeNull();
    const forged = await call(postSession, {
      method: "POST",
      path: "/api/session",
      body: { idToken: "not-a-token" },
      headers: { origin: APP_ORIGIN },
    });
    expect(forged.status).toBe(401);
    const empty = await call(postSession, {
      method: "POST",
      path: "/api/session",
      body: {},
      headers: { origin: APP_ORIGIN },
    });
    expect(empty.status).toBe(422);
    const malformed = await call(postSession, {
      method: "POST",
      path: "/api/session",
      rawBody: "{",
      headers: { origin: APP_ORIGIN },
    });
    expect(malformed.status).toBe(400);
  });

  it("rejects cookie-authenticated mutations without our Origin (CSRF), but not bearer calls", async () => {
    const session = await newSession();
    const noOrigin = await call(postAccount, {
      method: "POST",
      path: "/api/account",
      body: completeSignUp,
      cookie: session.cookie,
      origin: null,
    });
    expect(noOrigin.status).toBe(403);
    expect((await readError(noOrigin)).code).toBe("CSRF_REJECTED");
    const crossSite = await call(postAccount, {
      method: "POST",
      path: "/api/account",
      body: completeSignUp,
      cookie: session.cookie,
      headers: { origin: "https://evil.example" },
    });
    expect(crossSite.status).toBe(403);
    expect(await services.db.get(MEMBERS, session.uid)).toBeNull();
    const sameSite = await call(postAccount, {
      method: "POST",
      path: "/api/account",
      body: completeSignUp,
      cookie: session.cookie,
      headers: { origin: APP_ORIGIN },
    });
    expect(sameSite.status).toBe(201);
  });

  it("signs out by revoking: the old cookie stops working", async () => {
    const session = await newSession();
    const issuedSecond = Math.floor(Date.now() / 1000);
    await call(postAccount, {
      method: "POST",
      path: "/api/account",
      body: completeSignUp,
      cookie: session.cookie,
      headers: { origin: APP_ORIGIN },
    });
    expect((await call(getMe, { path: "/api/me", cookie: session.cookie })).status).toBe(200);
    // Firebase compares revocation to the token's issue time in whole seconds.
    await waitFor(() => Math.floor(Date.now() / 1000) > issuedSecond, { what: "the next whole second" });
    const out = await call(deleteSession, {
      method: "DELETE",
      path: "/api/session",
      cookie: session.cookie,
      headers: { origin: APP_ORIGIN },
    });
    expect(out.status).toBe(204);
    expect(out.headers.get("set-cookie")).toMatch(/__session=;.*Max-Age=0/);
    const after = await call(getMe, { path: "/api/me", cookie: session.cookie });
    expect(after.status).toBe(401);
  });

  it("signs out a bearer-token client by revoking: its ID token is refused afterwards", async () => {
    const user = await signUpUser();
    expect((await call(getMe, { path: "/api/me", token: user.idToken })).status).toBe(403);
    // Firebase compares revocation to the token's issue time in whole seconds.
    await new Promise((r) => setTimeout(r, 1100));
    const out = await call(deleteSession, { method: "DELETE", path: "/api/session", token: user.idToken });
    expect(out.status).toBe(204);
    const after = await call(getMe, { path: "/api/me", token: user.idToken });
    expect(after.status).toBe(401);
    expect((await readError(after)).code).toBe("UNAUTHENTICATED");
  });

  it("answers 401 to every member call without credentials", async () => {
    expect((await call(getMe, { path: "/api/me" })).status).toBe(401);
    expect((await call(getMe, { path: "/api/me", cookie: "__session=garbage" })).status).toBe(401);
    expect((await call(getMe, { path: "/api/me", headers: { authorization: "Basic abc" } })).status).toBe(401);
  });
});

describe("completing sign-up", () => {
  it.each([
    ["the whole form", { ...completeSignUp, ageConfirmed: false }],
    ["only the age, as the page's under-14 button sends", { ageConfirmed: false }],
  ])("refuses an under-14 (%s) with 422 and deletes the sign-in account the sign-up made", async (_how, body) => {
    const user = await signUpUser();
    const response = await call(postAccount, { method: "POST", path: "/api/account", body, token: user.idToken });
    expect(response.status).toBe(422);
    expect(Object.keys(((await readError(response)).details as { fields: Record<string, string> }).fields)).toEqual([
      "ageConfirmed",
    ]);
    expect(await services.db.get(MEMBERS, user.uid)).toBeNull();
    expect(await services.auth.getUser(user.uid)).toBeNull();
  });

  it("never deletes a member already signed up who sends the form again without the age confirmed", async () => {
    const user = await signUpUser();
    const token = user.idToken;
    expect(
      (await call(postAccount, { method: "POST", path: "/api/account", body: completeSignUp, token })).status,
    ).toBe(201);
    const again = { ...completeSignUp, ageConfirmed: false };
    expect((await call(postAccount, { method: "POST", path: "/api/account", body: again, token })).status).toBe(422);
    expect(await services.auth.getUser(user.uid)).not.toBeNull();
    expect(await services.db.get(MEMBERS, user.uid)).not.toBeNull();
  });

  it("refuses missing required consents with 422, storing nothing", async () => {
    const user = await signUpUser();
    const cases = [
      { ...completeSignUp, consents: { terms: false, privacy: true, marketing: false } },
      { ...completeSignUp, consents: { terms: true, privacy: false, marketing: true } },
      { ...completeSignUp, name: "   " },
      { ...completeSignUp, consents: { terms: true } },
    ];
    const fields: string[][] = [];
    for (const body of cases) {
      const response = await call(postAccount, { method: "POST", path: "/api/account", body, token: user.idToken });
      expect(response.status).toBe(422);
      fields.push(Object.keys(((await readError(response)).details as { fields: Record<string, string> }).fields));
    }
    expect(fields).toEqual([
      ["consents.terms"],
      ["consents.privacy"],
      ["name"],
      ["consents.privacy", "consents.marketing"],
    ]);
    expect(await services.db.get(MEMBERS, user.uid)).toBeNull();
    expect(
      await services.db.query({ collection: CONSENT_RECORDS, where: [{ field: "uid", op: "==", value: user.uid }] }),
    ).toEqual([]);
  });

  it("stores the member and a consent record per purpose with time, version and wording", async () => {
    const user = await signUpUser();
    const response = await call(postAccount, {
      method: "POST",
      path: "/api/account",
      body: { ...completeSignUp, consents: { terms: true, privacy: true, marketing: false } },
      token: user.idToken,
    });
    expect(response.status).toBe(201);
    const records = await services.db.query({
      collection: CONSENT_RECORDS,
      where: [{ field: "uid", op: "==", value: user.uid }],
    });
    const byPurpose = Object.fromEntries(records.map((r) => [r.data.purpose, r.data]));
    expect(byPurpose.terms).toMatchObject({
      granted: true,
      policyVersion: consentVersion("terms", new Date()),
      wording: CONSENT_TEXTS.terms.wording.ko,
    });
    expect(byPurpose.privacy).toMatchObject({ granted: true, policyVersion: consentVersion("privacy", new Date()) });
    expect(byPurpose.marketing).toMatchObject({ granted: false, policyVersion: CONSENT_TEXTS.marketing.policyVersion });
    expect(Number.isNaN(Date.parse(byPurpose.terms!.recordedAt))).toBe(false);

    const me = await call(getMe, { path: "/api/me", token: user.idToken });
    expect(await me.json()).toEqual({
      uid: user.uid,
      email: user.email,
      name: "Kim Minji",
      emailVerified: false,
      points: 0,
      marketingOptIn: false,
      locale: "ko",
      timeZone: "Asia/Seoul",
    });

    const again = await call(postAccount, {
      method: "POST",
      path: "/api/account",
      body: completeSignUp,
      token: user.idToken,
    });
    expect(again.status).toBe(409);
  });

  it("takes identity only from the token, never from the body", async () => {
    const user = await signUpUser();
    const victim = await signUpUser();
    const response = await call(postAccount, {
      method: "POST",
      path: "/api/account",
      body: { ...completeSignUp, uid: victim.uid },
      token: user.idToken,
    });
    expect(response.status).toBe(201);
    expect(await services.db.get(MEMBERS, victim.uid)).toBeNull();
    expect(await services.db.get(MEMBERS, user.uid)).not.toBeNull();
  });
});

describe("signing up with Google", () => {
  it("starts a session for a Google account, asks for the sign-up details, and trusts Google's verified address", async () => {
    const email = `google-${randomUUID()}@example.test`;
    const google = await signInWithGoogle({ sub: randomUUID(), email, name: "Park Jiho" });
    const session = await call(postSession, {
      method: "POST",
      path: "/api/session",
      body: { idToken: google.idToken },
      headers: { origin: APP_ORIGIN },
    });
    expect(session.status).toBe(200);
    const cookie = sessionCookieFrom(session);
    const incomplete = await call(getMe, { path: "/api/me", cookie });
    expect((await readError(incomplete)).code).toBe("ACCOUNT_INCOMPLETE");
    const created = await call(postAccount, {
      method: "POST",
      path: "/api/account",
      body: { ...completeSignUp, name: "Park Jiho" },
      cookie,
      headers: { origin: APP_ORIGIN },
    });
    expect(created.status).toBe(201);
    const me = await call(getMe, { path: "/api/me", cookie });
    expect(await me.json()).toMatchObject({
      uid: google.uid,
      email,
      name: "Park Jiho",
      emailVerified: true,
      // Google confirmed the address: the welcome points are credited at once.
      points: services.config.WELCOME_POINTS,
    });
  });
});

describe("Google's copy of the profile", () => {
  const picture = "https://lh3.googleusercontent.com/a/profile-picture";

  async function signInAndStartSession(profile: { sub: string; email: string }): Promise<string> {
    const google = await signInWithGoogle({ ...profile, name: "Google Name", picture });
    const session = await call(postSession, {
      method: "POST",
      path: "/api/session",
      body: { idToken: google.idToken },
      headers: { origin: APP_ORIGIN },
    });
    expect(session.status).toBe(200);
    return sessionCookieFrom(session);
  }

  /** What Firebase keeps of Google's profile: on the account, and on its Google identity. */
  async function googleCopy(uid: string) {
    const user = await getAuth(firebaseAdminApp(services.config.FIREBASE_PROJECT_ID)).getUser(uid);
    const identity = user.providerData.find((provider) => provider.providerId === "google.com");
    return {
      displayName: user.displayName,
      photoURL: user.photoURL,
      identityName: identity?.displayName,
      identityPhoto: identity?.photoURL,
    };
  }

  const none = { displayName: undefined, photoURL: undefined, identityName: undefined, identityPhoto: undefined };

  it("leaves the sign-in account when sign-up is completed and at every later sign-in; My page shows the Google id", async () => {
    const profile = { sub: randomUUID(), email: `google-${randomUUID()}@example.test` };
    const cookie = await signInAndStartSession(profile);
    const me = await services.auth.findUserByEmail(profile.email);
    expect(me?.googleProfile).toEqual({ name: "Google Name", pictureUrl: picture });
    // Before sign-up the form offers Google's name: the copy is still there.
    expect(await googleCopy(me!.uid)).toEqual({
      displayName: "Google Name",
      photoURL: picture,
      identityName: "Google Name",
      identityPhoto: picture,
    });

    const created = await call(postAccount, {
      method: "POST",
      path: "/api/account",
      body: { ...completeSignUp, name: "The Name I Typed" },
      cookie,
      headers: { origin: APP_ORIGIN },
    });
    expect(created.status).toBe(201);
    expect(await googleCopy(me!.uid)).toEqual(none);

    // Every Google sign-in copies Google's profile again; a member's session start removes it.
    await signInAndStartSession(profile);
    expect(await googleCopy(me!.uid)).toEqual(none);
    const data = (await (await call(getAccountData, { path: "/api/account/data", cookie })).json()) as {
      sections: { kind: string; records: Record<string, unknown>[] }[];
    };
    expect(data.sections.find((s) => s.kind === "auth-account")?.records).toEqual([
      { email: profile.email, emailVerified: true, googleId: profile.sub },
    ]);
    expect(data.sections.find((s) => s.kind === "member-profile")?.records[0]).toMatchObject({
      name: "The Name I Typed",
    });
  });
});

describe("email confirmation and password reset", () => {
  it("mails a confirmation link to the user's own address that confirms it", async () => {
    const user = await signUpUser();
    await call(postAccount, { method: "POST", path: "/api/account", body: completeSignUp, token: user.idToken });
    const sent = await call(postVerificationEmail, {
      method: "POST",
      path: "/api/account/verification-email",
      token: user.idToken,
      body: { email: "attacker@example.test" },
    });
    expect(sent.status).toBe(202);
    const mail = (await services.localMailbox!.list()).find((m) => m.to === user.email);
    // Signed up on a Korean page: the mail is Korean, and its link opens the Korean page.
    expect(mail?.subject).toBe(mailKo("verifyEmail.subject"));
    expect(mail?.text).toContain("/ko/auth/action?mode=verifyEmail&oobCode=");
    expect((await services.localMailbox!.list()).some((m) => m.to === "attacker@example.test")).toBe(false);
    await applyOobCode(linkCode(mail!.text, "verifyEmail"));
    const me = (await (await call(getMe, { path: "/api/me", token: user.idToken })).json()) as {
      emailVerified: boolean;
    };
    expect(me.emailVerified).toBe(true);
    const twice = await call(postVerificationEmail, {
      method: "POST",
      path: "/api/account/verification-email",
      token: user.idToken,
    });
    expect(twice.status).toBe(409);
  });

  it("mails a reset link for a known address, answers the same for an unknown one, and the link sets a new password", async () => {
    const user = await signUpUser();
    const before = (await services.localMailbox!.list()).length;
    const unknown = await call(postPasswordReset, {
      method: "POST",
      path: "/api/password-reset",
      body: { email: "nobody@example.test" },
    });
    expect(unknown.status).toBe(202);
    await deliverMailOutbox({ services });
    expect((await services.localMailbox!.list()).length).toBe(before);
    const known = await call(postPasswordReset, {
      method: "POST",
      path: "/api/password-reset",
      body: { email: user.email },
    });
    expect(known.status).toBe(202);
    // The request only queues the mail; the worker sends it.
    await deliverMailOutbox({ services });
    const mail = (await services.localMailbox!.list()).find(
      (m) => m.to === user.email && m.subject === mailKo("passwordReset.subject"),
    );
    await resetPasswordWithCode(linkCode(mail!.text, "resetPassword"), "a brand new passphrase");
    await expect(signInUser(user.email, user.password)).rejects.toThrow();
    await expect(signInUser(user.email, "a brand new passphrase")).resolves.toEqual(expect.any(String));
    const invalid = await call(postPasswordReset, {
      method: "POST",
      path: "/api/password-reset",
      body: { email: "not an email" },
    });
    expect(invalid.status).toBe(422);
  });
});

describe("limits on mail others can trigger", () => {
  it("allows three password-reset requests an hour per address, known or not, then answers 429 with Retry-After", async () => {
    const user = await signUpUser();
    for (const email of [user.email, `nobody-${randomUUID()}@example.test`]) {
      for (let i = 0; i < 3; i++) {
        expect(
          (await call(postPasswordReset, { method: "POST", path: "/api/password-reset", body: { email } })).status,
        ).toBe(202);
        // Sent before the next request: one waiting in the queue would take the next one in.
        await deliverMailOutbox({ services });
      }
      const limited = await call(postPasswordReset, {
        method: "POST",
        path: "/api/password-reset",
        body: { email: email.toUpperCase() },
      });
      expect(limited.status).toBe(429);
      expect((await readError(limited)).code).toBe("RATE_LIMITED");
      expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(3500);
    }
    const sent = (await services.localMailbox!.list()).filter(
      (m) => m.to === user.email && m.subject === mailKo("passwordReset.subject"),
    );
    expect(sent).toHaveLength(3);
  });

  it("allows five confirmation mails an hour per account", async () => {
    const user = await signUpUser();
    await call(postAccount, { method: "POST", path: "/api/account", body: completeSignUp, token: user.idToken });
    for (let i = 0; i < 5; i++) {
      expect(
        (
          await call(postVerificationEmail, {
            method: "POST",
            path: "/api/account/verification-email",
            token: user.idToken,
          })
        ).status,
      ).toBe(202);
    }
    expect(
      (
        await call(postVerificationEmail, {
          method: "POST",
          path: "/api/account/verification-email",
          token: user.idToken,
        })
      ).status,
    ).toBe(429);
  });
});

describe("GET /api/catalog", () => {
  it("lists the models and packages of the one price table, without signing in", async () => {
    const catalog = (await (await call(getCatalog, { path: "/api/catalog" })).json()) as {
      models: { id: string; sizes: string[]; pointsPerImage: Record<string, number> }[];
      packages: { id: string; totalPoints: number; priceKrw: number }[];
    };
    expect(catalog.models.map((m) => m.id)).toEqual(["local-sketch", "local-poster"]);
    expect(catalog.models[0]).toMatchObject({
      sizes: ["512x512", "1024x1024"],
      pointsPerImage: { "512x512": 10, "1024x1024": 20 },
    });
    expect(catalog.packages.map((p) => [p.id, p.totalPoints, p.priceKrw])).toEqual([
      ["points-1000", 1000, 15000],
      ["points-5000", 5250, 75000],
      ["points-10000", 11000, 150000],
      ["points-30000", 34500, 450000],
    ]);
  });
});
