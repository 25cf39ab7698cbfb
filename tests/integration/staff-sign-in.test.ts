/**
 * Staff sign-in: password (Firebase, the emulator here) and a TOTP second factor,
 * enrolled on the first sign-in; recovery codes; replayed codes refused; sessions that
 * end after 8 hours or 30 minutes unused, or when the staff member is removed.
 */
import { generate } from "otplib";
import { beforeEach, describe, expect, it } from "vitest";
import { ManualClock } from "../../lib/clock/clock";
import { getServerConfig } from "../../lib/config/env";
import { isAppError } from "../../lib/errors/app-error";
import { createServices } from "../../lib/services";
import { STAFF_ACCESS_LOG } from "../../lib/staff/access-log";
import { addStaffMember } from "../../lib/staff/add-staff-member";
import { beginStaffEnrolment } from "../../lib/staff/begin-staff-enrolment";
import { giveSecondFactor } from "../../lib/staff/give-second-factor";
import { removeStaffMember } from "../../lib/staff/remove-staff-member";
import { decryptTotpSecret, STAFF_SECOND_FACTORS, staffTotpKey } from "../../lib/staff/second-factor";
import { checkStaffSession, STAFF_SESSIONS, staffSessionId } from "../../lib/staff/staff-session";
import { expectAppError } from "../support/app-error-thrown";
import { signUpUser } from "../support/firebase-users";
import { createMember } from "../support/members";
import { createStaff, signInStaffPassword, totpCode } from "../support/staff";

const clock = new ManualClock(new Date());
const services = createServices(getServerConfig(), { clock });
const MINUTE = 60_000;
// Firebase dates each sign-in by the real clock; each test moves time on from there.
beforeEach(() => clock.set(new Date()));

async function secondFactorSession(staff: { email: string; password: string }) {
  const { token } = await signInStaffPassword(services, staff.email, staff.password);
  const session = await checkStaffSession({ services, token, stage: "second-factor" });
  const give = (input: unknown) =>
    giveSecondFactor({ services, sessionId: session.id, actor: session.actor, input, headers: new Headers() });
  return { token, give };
}

async function logOf(staffUid: string): Promise<{ action: string; outcome: string }[]> {
  const entries = await services.db.query({
    collection: STAFF_ACCESS_LOG,
    where: [{ field: "staffUid", op: "==", value: staffUid }],
  });
  return entries
    .sort((a, b) => a.data.seq - b.data.seq)
    .map(({ data }) => ({ action: data.action, outcome: data.outcome }));
}

describe("the first sign-in", () => {
  it("refuses an account without a staff role, member or not", async () => {
    const member = await createMember(services);
    await expectAppError(signInStaffPassword(services, member.email, member.password), "FORBIDDEN");
  });

  it("enrols the authenticator app by its first code, which also makes ten recovery codes", async () => {
    const user = await signUpUser();
    await addStaffMember({ services, input: { email: user.email, role: "support" } });
    const { token, give } = await secondFactorSession(user);
    await expectAppError(checkStaffSession({ services, token, stage: "active" }), "UNAUTHENTICATED");

    const { actor } = await checkStaffSession({ services, token, stage: "second-factor" });
    const enrolment = await beginStaffEnrolment({ services, actor });
    expect(enrolment.secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(enrolment.qrSvg).toMatch(/^<svg[^>]*>.*<\/svg>\s*$/s);
    expect((await beginStaffEnrolment({ services, actor })).secret).toBe(enrolment.secret);

    // Stored encrypted, bound to its owner.
    const stored = (await services.db.get(STAFF_SECOND_FACTORS, user.uid))!.data;
    expect(stored.secret).not.toContain(enrolment.secret);
    expect(decryptTotpSecret(staffTotpKey(services.config), stored.secret, user.uid)).toBe(enrolment.secret);
    expect(() => decryptTotpSecret(staffTotpKey(services.config), stored.secret, "someone-else")).toThrow();

    await expectAppError(give({ code: "000000" }), "UNAUTHENTICATED");
    const given = await give({ code: await totpCode(enrolment.secret, clock.now()) });
    expect(given.recoveryCodes).toHaveLength(10);
    expect(new Set(given.recoveryCodes).size).toBe(10);
    const after = (await services.db.get(STAFF_SECOND_FACTORS, user.uid))!.data;
    expect(JSON.stringify(after)).not.toContain(given.recoveryCodes![0]!);
    expect(after.enrolledAt).not.toBeNull();
    expect((await checkStaffSession({ services, token, stage: "active" })).actor).toEqual({
      uid: user.uid,
      role: "support",
    });
    await expectAppError(beginStaffEnrolment({ services, actor }), "INVALID_STATE");

    expect(await logOf(user.uid)).toEqual([
      { action: "staff.sign-in", outcome: "allowed" },
      { action: "staff.enrol-second-factor", outcome: "refused" },
      { action: "staff.enrol-second-factor", outcome: "allowed" },
    ]);
  });
});

describe("later sign-ins", () => {
  it("refuses a code used once already, even within its 30 seconds, and takes the next one", async () => {
    const staff = await createStaff(services, "admin");
    clock.advance(MINUTE);
    const code = await totpCode(staff.secret, clock.now());
    await (await secondFactorSession(staff)).give({ code });
    const again = await secondFactorSession(staff);
    await expectAppError(again.give({ code }), "UNAUTHENTICATED");
    await expectAppError(checkStaffSession({ services, token: again.token, stage: "active" }), "UNAUTHENTICATED");
    clock.advance(30_000);
    await again.give({ code: await totpCode(staff.secret, clock.now()) });
    await checkStaffSession({ services, token: again.token, stage: "active" });
  });

  it("takes each recovery code once", async () => {
    const user = await signUpUser();
    await addStaffMember({ services, input: { email: user.email, role: "support" } });
    const first = await secondFactorSession(user);
    const { actor } = await checkStaffSession({ services, token: first.token, stage: "second-factor" });
    const { secret } = await beginStaffEnrolment({ services, actor });
    const { recoveryCodes } = await first.give({ code: await totpCode(secret, clock.now()) });

    const lost = await secondFactorSession(user);
    expect(await lost.give({ recoveryCode: recoveryCodes![3]!.toLowerCase() })).toEqual({
      recoveryCodes: null,
      recoveryCodesLeft: 9,
    });
    const again = await secondFactorSession(user);
    await expectAppError(again.give({ recoveryCode: recoveryCodes![3]! }), "UNAUTHENTICATED");
  });

  it("stops taking codes after five tries an hour for the account", async () => {
    const staff = await createStaff(services, "support");
    const session = await secondFactorSession(staff);
    // createStaff's own code was the first try of this hour.
    for (let attempt = 0; attempt < 4; attempt++)
      await expectAppError(session.give({ code: "123456" }), "UNAUTHENTICATED");
    const refused = await session
      .give({ code: await totpCode(staff.secret, clock.now()) })
      .catch((error: unknown) => error);
    expect(isAppError(refused, "RATE_LIMITED")).toBe(true);
    clock.advance(61 * MINUTE);
    await session.give({
      code: await generate({ secret: staff.secret, epoch: Math.floor(clock.now().getTime() / 1000) }),
    });
  });
});

describe("staff sessions", () => {
  it("end after 30 minutes unused", async () => {
    const staff = await createStaff(services, "support");
    clock.advance(29 * MINUTE);
    await checkStaffSession({ services, token: staff.token, stage: "active" });
    clock.advance(29 * MINUTE);
    await checkStaffSession({ services, token: staff.token, stage: "active" });
    clock.advance(31 * MINUTE);
    await expectAppError(checkStaffSession({ services, token: staff.token, stage: "active" }), "UNAUTHENTICATED");
    expect(await services.db.get(STAFF_SESSIONS, staffSessionId(staff.token))).toBeNull();
  });

  it("end 8 hours after sign-in however busy", async () => {
    const staff = await createStaff(services, "support");
    for (let minutes = 0; minutes < 8 * 60 - 20; minutes += 20) {
      clock.advance(20 * MINUTE);
      await checkStaffSession({ services, token: staff.token, stage: "active" });
    }
    clock.advance(20 * MINUTE);
    await expectAppError(checkStaffSession({ services, token: staff.token, stage: "active" }), "UNAUTHENTICATED");
  });

  it("end, with the second factor, when the staff member is removed", async () => {
    const staff = await createStaff(services, "admin");
    await removeStaffMember({ services, input: { email: staff.email } });
    await expectAppError(checkStaffSession({ services, token: staff.token, stage: "active" }), "UNAUTHENTICATED");
    expect(await services.db.get(STAFF_SECOND_FACTORS, staff.uid)).toBeNull();
    await expectAppError(signInStaffPassword(services, staff.email, staff.password), "FORBIDDEN");
  });

  it("do not reach the second step for someone whose role was taken away after the password step", async () => {
    const staff = await createStaff(services, "support");
    const pending = await secondFactorSession(staff);
    // staff:remove lands between the two steps, as it could on a sign-in racing it.
    await services.auth.setStaffRole(staff.uid, null);
    await expectAppError(pending.give({ code: await totpCode(staff.secret, clock.now()) }), "FORBIDDEN");
    await expectAppError(
      checkStaffSession({ services, token: pending.token, stage: "second-factor" }),
      "UNAUTHENTICATED",
    );
  });

  it("are no token made up or a member's cookie", async () => {
    await expectAppError(checkStaffSession({ services, token: "made-up", stage: "second-factor" }), "UNAUTHENTICATED");
    await expectAppError(checkStaffSession({ services, token: null, stage: "second-factor" }), "UNAUTHENTICATED");
    const member = await createMember(services);
    const cookie = await services.auth.createSessionCookie(member.idToken, 3_600_000);
    await expectAppError(checkStaffSession({ services, token: cookie, stage: "second-factor" }), "UNAUTHENTICATED");
  });
});
