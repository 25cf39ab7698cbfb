/**
 * The Firebase Auth adapter against the Auth emulator: a credential that is bad is
 * UNAUTHENTICATED (sign in again), but Firebase being unreachable is AUTH_UNAVAILABLE
 * (try again later), so an outage never sends members to the sign-in page.
 */
import { getAuth } from "firebase-admin/auth";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as getMe } from "../../app/api/me/route";
import { DELETE as deleteSession } from "../../app/api/session/route";
import { firebaseAdminApp } from "../../lib/firebase/admin-app";
import { getServerConfig } from "../../lib/config/env";
import { getServices } from "../../lib/services";
import { expectAppError } from "../support/app-error-thrown";
import { signInUser, signUpUser, type TestUser } from "../support/firebase-users";
import { freePort } from "../support/free-port";
import { call, readError } from "../support/http";
import { createMember } from "../support/members";
import { startTcpProxy } from "../support/tcp-proxy";
import { waitFor } from "../support/wait-for";

// Everything in this test file's process reaches the emulator through a relay that the
// tests can take away: firebase-admin fixes the emulator address when it starts, so
// the relay goes in before the services are made.
const proxy = await startTcpProxy(process.env.FIREBASE_AUTH_EMULATOR_HOST!, await freePort());
process.env.FIREBASE_AUTH_EMULATOR_HOST = proxy.host;
const services = getServices();
const admin = getAuth(firebaseAdminApp(getServerConfig().FIREBASE_PROJECT_ID));

afterAll(() => proxy.close());

/** Runs `action` while nothing listens where the Auth emulator should be (connection refused). */
async function duringOutage<T>(action: () => Promise<T>): Promise<T> {
  await proxy.cut();
  try {
    return await action();
  } finally {
    await proxy.restore();
  }
}

describe("FirebaseAuthGateway", () => {
  let user: TestUser;
  let cookie: string;

  beforeAll(async () => {
    user = await signUpUser();
    cookie = await services.auth.createSessionCookie(user.idToken, 60 * 60_000);
  });

  it("accepts a valid ID token and session cookie", async () => {
    expect((await services.auth.verifyIdToken(user.idToken)).uid).toBe(user.uid);
    expect((await services.auth.verifySessionCookie(cookie)).uid).toBe(user.uid);
  });

  it("refuses malformed credentials as UNAUTHENTICATED", async () => {
    await expectAppError(services.auth.verifyIdToken("not-a-token"), "UNAUTHENTICATED");
    await expectAppError(services.auth.verifySessionCookie("not-a-cookie"), "UNAUTHENTICATED");
    await expectAppError(services.auth.createSessionCookie("not-a-token", 60 * 60_000), "UNAUTHENTICATED");
  });

  it("refuses the credentials of a revoked, disabled or deleted user as UNAUTHENTICATED", async () => {
    const revoked = await signUpUser();
    const revokedCookie = await services.auth.createSessionCookie(revoked.idToken, 60 * 60_000);
    const issuedSecond = Math.floor(Date.now() / 1000);
    // Revocation counts whole seconds from the token's issue time.
    await waitFor(() => Math.floor(Date.now() / 1000) > issuedSecond, { what: "the next whole second" });
    await services.auth.revokeSessions(revoked.uid);
    await expectAppError(services.auth.verifyIdToken(revoked.idToken), "UNAUTHENTICATED");
    await expectAppError(services.auth.verifySessionCookie(revokedCookie), "UNAUTHENTICATED");

    const disabled = await signUpUser();
    await admin.updateUser(disabled.uid, { disabled: true });
    await expectAppError(services.auth.verifyIdToken(disabled.idToken), "UNAUTHENTICATED");

    const deleted = await signUpUser();
    await admin.deleteUser(deleted.uid);
    await expectAppError(services.auth.verifyIdToken(deleted.idToken), "UNAUTHENTICATED");
  });

  it("finds nobody for a uid that names no account, even one Firebase refuses as malformed", async () => {
    expect(await services.auth.getUser(`no-such-${user.uid}`)).toBeNull();
    // Firebase answers auth/invalid-uid for these; typed into a staff look-up, they name nobody.
    expect(await services.auth.getUser("")).toBeNull();
    expect(await services.auth.getUser("x".repeat(129))).toBeNull();
    expect(await services.auth.getUser("x".repeat(128))).toBeNull();
  });

  it("reports an unreachable Firebase as AUTH_UNAVAILABLE (503), not as a bad credential", async () => {
    const fresh = await signInUser(user.email, user.password);
    const error = await duringOutage(() => expectAppError(services.auth.verifyIdToken(fresh), "AUTH_UNAVAILABLE"));
    expect(error.status).toBe(503);
    await duringOutage(() => expectAppError(services.auth.verifySessionCookie(cookie), "AUTH_UNAVAILABLE"));
    await duringOutage(() => expectAppError(services.auth.createSessionCookie(fresh, 60 * 60_000), "AUTH_UNAVAILABLE"));
    await duringOutage(() => expectAppError(services.auth.getUser(user.uid), "AUTH_UNAVAILABLE"));
    // And once Firebase answers again, the same credentials work.
    expect((await services.auth.verifySessionCookie(cookie)).uid).toBe(user.uid);
  });

  it("signs the browser out during the outage: the cookie is cleared, not kept behind a 503", async () => {
    const signedIn = await signInUser(user.email, user.password);
    const session = await services.auth.createSessionCookie(signedIn, 60 * 60_000);
    const response = await duringOutage(() =>
      call(deleteSession, { method: "DELETE", path: "/api/session", cookie: `__session=${session}` }),
    );
    expect(response.status).toBe(204);
    expect(response.headers.get("set-cookie")).toMatch(/^__session=;.*Max-Age=0/i);
  });

  it("answers a member's call during the outage with 503, so the browser does not send them to sign in", async () => {
    const member = await createMember(services);
    const response = await duringOutage(() => call(getMe, { path: "/api/me", token: member.idToken }));
    expect(response.status).toBe(503);
    expect((await readError(response)).code).toBe("AUTH_UNAVAILABLE");
    expect((await call(getMe, { path: "/api/me", token: member.idToken })).status).toBe(200);
  });
});
