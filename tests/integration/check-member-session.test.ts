/**
 * What the member layout does with a visitor, decided from the session cookie against
 * the Auth emulator: a missing, forged or revoked cookie means sign in, a signed-in
 * user without a member record means finish sign-up, and an unreachable Firebase
 * judged nothing, so the page renders (its own calls then show the error).
 */
import { afterAll, describe, expect, it } from "vitest";
import { checkMemberSession } from "../../lib/accounts/check-member-session";
import { getServices } from "../../lib/services";
import { signUpUser } from "../support/firebase-users";
import { freePort } from "../support/free-port";
import { buyPoints, createMember } from "../support/members";
import { startTcpProxy } from "../support/tcp-proxy";
import { waitFor } from "../support/wait-for";

// firebase-admin fixes the emulator address when the services are made, so the relay
// that can take Firebase away goes in first.
const proxy = await startTcpProxy(process.env.FIREBASE_AUTH_EMULATOR_HOST!, await freePort());
process.env.FIREBASE_AUTH_EMULATOR_HOST = proxy.host;
const services = getServices();

afterAll(() => proxy.close());

const HOUR_MS = 60 * 60_000;

describe("checkMemberSession", () => {
  it("gives a member's summary, balance included, for a valid cookie", async () => {
    const member = await createMember(services);
    await buyPoints(services, member.uid);
    const sessionCookie = await services.auth.createSessionCookie(member.idToken, HOUR_MS);
    const session = await checkMemberSession({ services, sessionCookie });
    expect(session).toMatchObject({ status: "member", me: { uid: member.uid, email: member.email, points: 1000 } });
  });

  it("sends a visitor without a cookie, or with a forged one, to sign in", async () => {
    expect(await checkMemberSession({ services, sessionCookie: null })).toEqual({ status: "signed-out" });
    expect(await checkMemberSession({ services, sessionCookie: "not-a-session-cookie" })).toEqual({
      status: "signed-out",
    });
  });

  it("sends a member whose sessions were revoked (signed out everywhere) to sign in", async () => {
    const member = await createMember(services);
    const sessionCookie = await services.auth.createSessionCookie(member.idToken, HOUR_MS);
    const issuedSecond = Math.floor(Date.now() / 1000);
    // Revocation counts whole seconds from the cookie's issue time.
    await waitFor(() => Math.floor(Date.now() / 1000) > issuedSecond, { what: "the next whole second" });
    await services.auth.revokeSessions(member.uid);
    expect(await checkMemberSession({ services, sessionCookie })).toEqual({ status: "signed-out" });
  });

  it("sends a signed-in user who has not finished sign-up to finish it", async () => {
    const user = await signUpUser();
    const sessionCookie = await services.auth.createSessionCookie(user.idToken, HOUR_MS);
    expect(await checkMemberSession({ services, sessionCookie })).toEqual({ status: "incomplete" });
  });

  it("does not send anyone to sign in while Firebase is unreachable, and judges the cookie again once it is back", async () => {
    const member = await createMember(services);
    const sessionCookie = await services.auth.createSessionCookie(member.idToken, HOUR_MS);
    await proxy.cut();
    try {
      expect(await checkMemberSession({ services, sessionCookie })).toEqual({ status: "unavailable" });
    } finally {
      await proxy.restore();
    }
    expect(await checkMemberSession({ services, sessionCookie })).toMatchObject({ status: "member" });
  });
});
