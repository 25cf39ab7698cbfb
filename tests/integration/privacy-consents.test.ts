/**
 * Consent beyond sign-up: a cookie choice is kept in the browser's
 * necessary cookie and, for a member, recorded as consent per category, each change a
 * new record; a privacy policy version needing new consent is asked of members who
 * agreed to an older one, and their agreement is a new consent record.
 */
import { describe, expect, it } from "vitest";
import { POST as postCookieConsent } from "../../app/api/cookie-consent/route";
import { POST as postPrivacyConsent } from "../../app/api/account/privacy-consent/route";
import { createAccount } from "../../lib/accounts/create-account";
import { findPendingPrivacyConsent } from "../../lib/accounts/find-pending-privacy-consent";
import { CONSENT_RECORDS } from "../../lib/accounts/members";
import { renewPrivacyConsent } from "../../lib/accounts/renew-privacy-consent";
import { ManualClock } from "../../lib/clock/clock";
import { getServerConfig } from "../../lib/config/env";
import { COOKIE_CATEGORY_TEXTS } from "../../lib/privacy/cookie-consent";
import {
  CONSENT_TEXTS,
  PRIVACY_POLICY_VERSIONS,
  validatePolicyVersions,
  type PrivacyPolicyVersion,
} from "../../lib/privacy/policy-versions";
import { createServices, getServices } from "../../lib/services";
import { call } from "../support/http";
import { signUpUser } from "../support/firebase-users";
import { createMember } from "../support/members";

const services = getServices();

async function consentsOf(uid: string) {
  const records = await services.db.query({
    collection: CONSENT_RECORDS,
    where: [{ field: "uid", op: "==", value: uid }],
  });
  return records.map((record) => record.data).sort((a, b) => a.recordedAt.localeCompare(b.recordedAt));
}

describe("cookie choices", () => {
  it("a visitor's choice is set in the necessary cookie holding only the choice", async () => {
    const response = await call(postCookieConsent, {
      method: "POST",
      path: "/api/cookie-consent",
      body: { functional: true, performance: false },
    });
    expect(response.status).toBe(200);
    const cookie = response.headers.get("set-cookie") ?? "";
    expect(cookie).toMatch(/^cookie-consent=f1\.p0; Path=\/; HttpOnly; SameSite=Lax; Max-Age=15552000/);
    expect(await response.json()).toEqual({ functional: true, performance: false });
  });

  it("refuses a body that is not a choice, and a call from another site, setting nothing", async () => {
    for (const body of [
      { functional: "yes", performance: false },
      { functional: true },
      { functional: true, performance: true, tracking: true },
    ]) {
      const response = await call(postCookieConsent, { method: "POST", path: "/api/cookie-consent", body });
      expect(response.status).toBe(422);
      expect(response.headers.get("set-cookie")).toBeNull();
    }
    const foreign = await call(postCookieConsent, {
      method: "POST",
      path: "/api/cookie-consent",
      body: { functional: true, performance: true },
      origin: "https://evil.example",
    });
    expect(foreign.status).toBe(403);
    expect(foreign.headers.get("set-cookie")).toBeNull();
  });

  it("a member's choice is recorded per category with the policy version and the words shown, each change a new record", async () => {
    const member = await createMember(services);
    const before = await consentsOf(member.uid);
    const first = await call(postCookieConsent, {
      method: "POST",
      path: "/api/cookie-consent",
      token: member.idToken,
      body: { functional: false, performance: true, locale: "en" },
    });
    expect(first.status).toBe(200);
    const second = await call(postCookieConsent, {
      method: "POST",
      path: "/api/cookie-consent",
      token: member.idToken,
      body: { functional: true, performance: false },
      headers: { "accept-language": "ko" },
    });
    expect(second.status).toBe(200);
    const added = (await consentsOf(member.uid)).slice(before.length);
    expect(
      added.map(({ purpose, granted, policyVersion, wording }) => ({ purpose, granted, policyVersion, wording })),
    ).toEqual(
      expect.arrayContaining([
        {
          purpose: "cookies-functional",
          granted: false,
          policyVersion: PRIVACY_POLICY_VERSIONS[0].version,
          wording: COOKIE_CATEGORY_TEXTS.functional.en,
        },
        {
          purpose: "cookies-performance",
          granted: true,
          policyVersion: PRIVACY_POLICY_VERSIONS[0].version,
          wording: COOKIE_CATEGORY_TEXTS.performance.en,
        },
        {
          purpose: "cookies-functional",
          granted: true,
          policyVersion: PRIVACY_POLICY_VERSIONS[0].version,
          wording: COOKIE_CATEGORY_TEXTS.functional.ko,
        },
        {
          purpose: "cookies-performance",
          granted: false,
          policyVersion: PRIVACY_POLICY_VERSIONS[0].version,
          wording: COOKIE_CATEGORY_TEXTS.performance.ko,
        },
      ]),
    );
    expect(added).toHaveLength(4);
  });
});

describe("new consent after a policy change", () => {
  const changed: PrivacyPolicyVersion = {
    version: "privacy-2027-01-01",
    effectiveDate: "2027-01-01",
    announcedOn: "2026-12-01",
    material: true,
    needsNewConsent: true,
    summary: { ko: "국외 이전 업체 추가", en: "A processor abroad added" },
  };
  const versions = [changed, ...PRIVACY_POLICY_VERSIONS];
  validatePolicyVersions(versions);
  const at = (iso: string) => createServices(getServerConfig(), { db: services.db, clock: new ManualClock(iso) });

  it("is asked once the version takes effect, recorded as a new consent, and then no longer asked", async () => {
    const member = await createMember(services);
    expect(
      await findPendingPrivacyConsent({ services: at("2026-12-20T00:00:00Z"), uid: member.uid, versions }),
    ).toBeNull();
    const after = at("2027-01-02T00:00:00Z");
    expect((await findPendingPrivacyConsent({ services: after, uid: member.uid, versions }))?.version).toBe(
      changed.version,
    );

    const result = await renewPrivacyConsent({
      services: after,
      uid: member.uid,
      input: { agree: true, locale: "ko" },
      versions,
    });
    expect(result).toEqual({ recorded: changed.version });
    const privacy = (await consentsOf(member.uid)).filter((record) => record.purpose === "privacy");
    expect(privacy.map((record) => record.policyVersion)).toEqual([
      PRIVACY_POLICY_VERSIONS[0].version,
      changed.version,
    ]);
    expect(privacy[1]).toMatchObject({
      granted: true,
      wording: CONSENT_TEXTS.privacy.wording.ko,
      recordedAt: "2027-01-02T00:00:00.000Z",
    });

    expect(await findPendingPrivacyConsent({ services: after, uid: member.uid, versions })).toBeNull();
    expect(
      await renewPrivacyConsent({ services: after, uid: member.uid, input: { agree: true, locale: "ko" }, versions }),
    ).toEqual({
      recorded: null,
    });
    expect((await consentsOf(member.uid)).filter((record) => record.purpose === "privacy")).toHaveLength(2);
  });

  it("the route records nothing while no change asks for consent, and refuses a body that does not agree", async () => {
    const member = await createMember(services);
    const none = await call(postPrivacyConsent, {
      method: "POST",
      path: "/api/account/privacy-consent",
      token: member.idToken,
      body: { agree: true, locale: "en" },
    });
    expect(none.status).toBe(200);
    expect(await none.json()).toEqual({ recorded: null });
    const refused = await call(postPrivacyConsent, {
      method: "POST",
      path: "/api/account/privacy-consent",
      token: member.idToken,
      body: { agree: false, locale: "en" },
    });
    expect(refused.status).toBe(422);
    const signedOut = await call(postPrivacyConsent, {
      method: "POST",
      path: "/api/account/privacy-consent",
      body: { agree: true, locale: "en" },
    });
    expect(signedOut.status).toBe(401);
  });

  it("a member who signs up once it is in effect agrees to it, and is not asked again", async () => {
    const after = at("2027-01-02T00:00:00Z");
    const user = await signUpUser();
    await createAccount({
      services: after,
      uid: user.uid,
      input: { name: "New Member", ageConfirmed: true, consents: { terms: true, privacy: true, marketing: false } },
      requestLocale: "en",
      versions,
    });
    const privacy = (await consentsOf(user.uid)).filter((record) => record.purpose === "privacy");
    expect(privacy.map((record) => record.policyVersion)).toEqual([changed.version]);
    expect(await findPendingPrivacyConsent({ services: after, uid: user.uid, versions })).toBeNull();
  });
});
