/**
 * Welcome points: credited once per email address when it is first confirmed, found
 * out through GET /api/me (which every member page calls), whichever way the member
 * signed in; never before confirmation, never twice for one address.
 */
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { GET as meRoute } from "../../app/api/me/route";
import { getServerConfig } from "../../lib/config/env";
import { createAccount } from "../../lib/accounts/create-account";
import { getMe } from "../../lib/accounts/get-me";
import { POINT_ENTRIES } from "../../lib/points/ledger";
import { WELCOME_GRANTS, welcomeGrantId } from "../../lib/points/welcome-points";
import { createServices, getServices } from "../../lib/services";
import { applyOobCode, signInWithGoogle, signUpUser, type TestUser } from "../support/firebase-users";
import { call } from "../support/http";
import { createMember } from "../support/members";

const services = getServices();
const WELCOME = services.config.WELCOME_POINTS;

async function me(idToken: string): Promise<{ points: number; emailVerified: boolean }> {
  const response = await call(meRoute, { path: "/api/me", token: idToken });
  expect(response.status).toBe(200);
  return (await response.json()) as { points: number; emailVerified: boolean };
}

async function confirm(user: TestUser): Promise<void> {
  await applyOobCode(await services.auth.emailVerificationCode(user.email));
}

async function welcomeEntries(uid: string): Promise<number> {
  const entries = await services.db.query({
    collection: POINT_ENTRIES,
    where: [{ field: "uid", op: "==", value: uid }],
  });
  return entries.filter((entry) => entry.data.kind === "welcome").length;
}

async function complete(uid: string): Promise<void> {
  await createAccount({
    services,
    uid,
    input: { name: "Test Member", ageConfirmed: true, consents: { terms: true, privacy: true, marketing: false } },
    requestLocale: "ko",
  });
}

async function deleteAuthUser(idToken: string): Promise<void> {
  const response = await fetch(
    `http://${process.env.FIREBASE_AUTH_EMULATOR_HOST}/identitytoolkit.googleapis.com/v1/accounts:delete?key=demo-api-key`,
    { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ idToken }) },
  );
  expect(response.ok).toBe(true);
}

describe("welcome points", () => {
  it("is on by default, at 100 points", () => {
    expect(WELCOME).toBe(100);
  });

  it("grants nothing before the address is confirmed, then the welcome once it is", async () => {
    const member = await createMember(services);
    expect(await me(member.idToken)).toMatchObject({ emailVerified: false, points: 0 });
    expect(await welcomeEntries(member.uid)).toBe(0);
    await confirm(member);
    expect(await me(member.idToken)).toMatchObject({ emailVerified: true, points: WELCOME });
    expect(await me(member.idToken)).toMatchObject({ points: WELCOME });
    expect(await welcomeEntries(member.uid)).toBe(1);
    expect(await services.db.get(WELCOME_GRANTS, welcomeGrantId(member.email))).not.toBeNull();
  });

  it("grants once when many requests ask at the same moment", async () => {
    const member = await createMember(services);
    await confirm(member);
    const answers = await Promise.all(Array.from({ length: 8 }, () => me(member.idToken)));
    expect(answers.every((answer) => answer.points === WELCOME || answer.points === 0)).toBe(true);
    expect((await me(member.idToken)).points).toBe(WELCOME);
    expect(await welcomeEntries(member.uid)).toBe(1);
  });

  it("grants nothing to a new account with an address that already had its welcome", async () => {
    const first = await createMember(services);
    await confirm(first);
    expect((await me(first.idToken)).points).toBe(WELCOME);
    await deleteAuthUser(first.idToken);

    const again = await signUpUser(first.email.toUpperCase());
    expect(again.uid).not.toBe(first.uid);
    await complete(again.uid);
    await applyOobCode(await services.auth.emailVerificationCode(first.email));
    expect(await me(again.idToken)).toMatchObject({ emailVerified: true, points: 0 });
    expect(await welcomeEntries(again.uid)).toBe(0);
  });

  it("grants the welcome to a Google sign-up, whose address Google has confirmed", async () => {
    const google = await signInWithGoogle({
      sub: `google-${randomUUID()}`,
      email: `google-${randomUUID()}@example.test`,
      name: "Google Member",
    });
    await complete(google.uid);
    expect(await me(google.idToken)).toMatchObject({ emailVerified: true, points: WELCOME });
    expect(await welcomeEntries(google.uid)).toBe(1);
  });

  it("grants nothing when WELCOME_POINTS is 0", async () => {
    const off = createServices({ ...getServerConfig(), WELCOME_POINTS: 0 }, { db: services.db });
    const member = await createMember(off);
    await confirm(member);
    expect((await getMe({ services: off, uid: member.uid })).points).toBe(0);
    expect(await services.db.get(WELCOME_GRANTS, welcomeGrantId(member.email))).toBeNull();
  });
});
