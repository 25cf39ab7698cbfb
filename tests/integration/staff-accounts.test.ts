/**
 * Staff accounts are made and removed only by the staff commands, held as a custom
 * claim in Firebase Auth (the emulator here); nothing on the web can set that claim.
 */
import { execFile } from "node:child_process";
import { randomUUID } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { getAuth } from "firebase-admin/auth";
import { describe, expect, it } from "vitest";
import { deleteUnfinishedSignUps } from "../../lib/accounts/delete-unfinished-sign-ups";
import { DAY_MS, ManualClock } from "../../lib/clock/clock";
import { getServerConfig } from "../../lib/config/env";
import { firebaseAdminApp } from "../../lib/firebase/admin-app";
import { UNFINISHED_SIGN_UP_DAYS } from "../../lib/privacy/data-inventory";
import { createServices, getServices } from "../../lib/services";
import { addStaffMember } from "../../lib/staff/add-staff-member";
import { removeStaffMember } from "../../lib/staff/remove-staff-member";
import { checkStaffSession } from "../../lib/staff/staff-session";
import { expectAppError } from "../support/app-error-thrown";
import { resetPasswordWithCode, signInUser, signUpUser } from "../support/firebase-users";
import { createStaff } from "../support/staff";

const run = promisify(execFile);
const services = getServices();
const admin = getAuth(firebaseAdminApp(getServerConfig().FIREBASE_PROJECT_ID));

function claimsOfToken(idToken: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(idToken.split(".")[1]!, "base64url").toString()) as Record<string, unknown>;
}

function staffCommand(...args: string[]) {
  return run(process.execPath, ["--import", "tsx", "scripts/staff-account.ts", ...args], { env: process.env });
}

describe("staff:add and staff:remove", () => {
  it("makes an account for a new address, with the role as a claim and a link to choose a password", async () => {
    const email = `staff-${randomUUID()}@example.test`;
    const added = await addStaffMember({ services, input: { email, role: "support" } });
    expect((await admin.getUser(added.uid)).customClaims).toEqual({ staff: "support" });
    expect(await services.auth.getUser(added.uid)).toMatchObject({ email, staffRole: "support" });

    const oobCode = new URL(added.passwordLink!).searchParams.get("oobCode")!;
    await resetPasswordWithCode(oobCode, "staff password 1234");
    expect(claimsOfToken(await signInUser(email, "staff password 1234")).staff).toBe("support");
  });

  it("gives an existing account a role, keeping its other claims, and takes only the role away", async () => {
    const user = await signUpUser();
    await admin.setCustomUserClaims(user.uid, { beta: true });
    const added = await addStaffMember({ services, input: { email: user.email, role: "admin" } });
    expect(added).toEqual({ uid: user.uid, role: "admin", passwordLink: null });
    expect((await admin.getUser(user.uid)).customClaims).toEqual({ beta: true, staff: "admin" });

    expect(await removeStaffMember({ services, input: { email: user.email } })).toBe(true);
    expect((await admin.getUser(user.uid)).customClaims).toEqual({ beta: true });
    expect((await services.auth.getUser(user.uid))?.staffRole).toBeNull();
  });

  it("ends the removed staff member's sessions at once", async () => {
    const user = await signUpUser();
    await addStaffMember({ services, input: { email: user.email, role: "support" } });
    const cookie = await services.auth.createSessionCookie(await signInUser(user.email, user.password), 3_600_000);
    // Firebase compares revocation to the second.
    await new Promise((resolve) => setTimeout(resolve, 1100));
    await removeStaffMember({ services, input: { email: user.email } });
    await expectAppError(services.auth.verifySessionCookie(cookie), "UNAUTHENTICATED");
  });

  it("ends an admin's open sessions when they are made support staff: the new role counts from the next sign-in", async () => {
    const admin = await createStaff(services, "admin");
    expect((await checkStaffSession({ services, token: admin.token, stage: "active" })).actor.role).toBe("admin");
    await addStaffMember({ services, input: { email: admin.email, role: "admin" } });
    expect((await checkStaffSession({ services, token: admin.token, stage: "active" })).actor.role).toBe("admin");
    await addStaffMember({ services, input: { email: admin.email, role: "support" } });
    await expectAppError(checkStaffSession({ services, token: admin.token, stage: "active" }), "UNAUTHENTICATED");
  });

  it("refuses an unknown role or a malformed address", async () => {
    await expect(addStaffMember({ services, input: { email: "x@example.test", role: "owner" } })).rejects.toThrow();
    await expect(addStaffMember({ services, input: { email: "not-an-address", role: "admin" } })).rejects.toThrow();
    expect(await removeStaffMember({ services, input: { email: `nobody-${randomUUID()}@example.test` } })).toBe(false);
  });

  it("works from the shell, as npm run staff:add and staff:remove call it", async () => {
    const email = `cli-${randomUUID()}@example.test`;
    const added = await staffCommand("add", "--email", email, "--role", "admin");
    expect(added.stdout).toContain("is now staff (admin)");
    expect(added.stdout).toContain("mode=resetPassword");
    const user = (await services.auth.findUserByEmail(email))!;
    expect(user.staffRole).toBe("admin");

    await staffCommand("remove", "--email", email);
    expect((await services.auth.getUser(user.uid))?.staffRole).toBeNull();
    await expect(staffCommand("add", "--email", email, "--role", "root")).rejects.toMatchObject({ code: 1 });
  });
});

describe("no way to staff through the web", () => {
  function sourceFiles(directory: string): string[] {
    return readdirSync(directory).flatMap((name) => {
      const path = join(directory, name);
      if (statSync(path).isDirectory()) return sourceFiles(path);
      return /\.tsx?$/.test(name) ? [path] : [];
    });
  }

  it("sets the staff claim only in the staff commands' use cases, which only scripts/ call", () => {
    const code = [
      ...sourceFiles("app"),
      ...sourceFiles("lib"),
      ...sourceFiles("components"),
      ...sourceFiles("functions/src"),
    ];
    const setters = code.filter((file) => /\bsetStaffRole\(|setCustomUserClaims\(/.test(readFileSync(file, "utf8")));
    expect(setters.sort()).toEqual(
      [
        "lib/auth/auth-gateway.ts",
        "lib/auth/firebase-auth-gateway.ts",
        "lib/staff/add-staff-member.ts",
        "lib/staff/remove-staff-member.ts",
      ].sort(),
    );
    const importers = code.filter((file) => /staff\/(add|remove)-staff-member/.test(readFileSync(file, "utf8")));
    expect(importers).toEqual([]);
  });
});

describe("sign-ups never completed", () => {
  it(`keep staff accounts, which have no member record by design`, async () => {
    // A project of its own, so the sweep sees only this test's users.
    const projectId = `demo-staff-sweep-${randomUUID().slice(0, 8)}`;
    const clock = new ManualClock(new Date());
    const isolated = createServices({ ...getServerConfig(), FIREBASE_PROJECT_ID: projectId }, { clock });
    const staff = await addStaffMember({
      services: isolated,
      input: { email: `s-${randomUUID()}@example.test`, role: "support" },
    });
    const stranger = await isolated.auth.ensureUser(`p-${randomUUID()}@example.test`);
    clock.advance((UNFINISHED_SIGN_UP_DAYS + 1) * DAY_MS);
    expect(await deleteUnfinishedSignUps({ services: isolated })).toEqual({ deleted: 1 });
    expect(await isolated.auth.getUser(stranger.uid)).toBeNull();
    expect(await isolated.auth.getUser(staff.uid)).not.toBeNull();
  });
});
