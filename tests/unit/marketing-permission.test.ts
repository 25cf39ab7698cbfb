import { describe, expect, it } from "vitest";
import type { ConsentRecord, Member } from "../../lib/accounts/members";
import { marketingVerdict, type MarketingFacts } from "../../lib/privacy/marketing-permission";
import type { ProcessingRestriction } from "../../lib/privacy/processing-restriction";

const member: Member = {
  name: "Kim",
  ageConfirmedAt: "2026-11-01T00:00:00.000Z",
  marketingOptIn: true,
  locale: "ko",
  timeZone: "Asia/Seoul",
  createdAt: "2026-11-01T00:00:00.000Z",
  updatedAt: "2026-11-01T00:00:00.000Z",
};

function consent(granted: boolean, recordedAt: string): ConsentRecord {
  return {
    uid: "u1",
    purpose: "marketing",
    granted,
    policyVersion: "marketing-2026-11-01",
    wording: "…",
    method: "my-page",
    recordedAt,
  };
}

function restriction(kind: ProcessingRestriction["kind"], dataKind: string | null = null): ProcessingRestriction {
  return { uid: "u1", kind, dataKind, requestId: null, startedAt: "2026-11-02T00:00:00.000Z", liftedAt: null };
}

const allowed: MarketingFacts = {
  member,
  consents: [consent(false, "2026-11-01T00:00:00.000Z"), consent(true, "2026-11-03T00:00:00.000Z")],
  restrictions: [],
  emailVerified: true,
};

describe("the marketing rule", () => {
  it("allows a member whose newest marketing consent is a grant, with a confirmed address and nothing against it", () => {
    expect(marketingVerdict(allowed)).toEqual({ allowed: true });
  });

  it("goes by the newest consent record, in whatever order they come", () => {
    const withdrawn = [consent(true, "2026-11-03T00:00:00.000Z"), consent(false, "2026-11-04T00:00:00.000Z")];
    expect(marketingVerdict({ ...allowed, consents: withdrawn })).toEqual({ allowed: false, reason: "no-consent" });
    expect(marketingVerdict({ ...allowed, consents: [] })).toEqual({ allowed: false, reason: "no-consent" });
    expect(marketingVerdict({ ...allowed, member: { ...member, marketingOptIn: false } })).toEqual({
      allowed: false,
      reason: "no-consent",
    });
  });

  it("refuses under an objection, a restriction, or a dispute of the address or profile", () => {
    const verdict = (restrictions: ProcessingRestriction[]) => marketingVerdict({ ...allowed, restrictions });
    expect(verdict([restriction("marketing-objection")])).toEqual({ allowed: false, reason: "objected" });
    expect(verdict([restriction("restriction")])).toEqual({ allowed: false, reason: "restricted" });
    expect(verdict([restriction("disputed", "auth-account")])).toEqual({ allowed: false, reason: "disputed" });
    expect(verdict([restriction("disputed", "member-profile")])).toEqual({ allowed: false, reason: "disputed" });
    expect(verdict([restriction("disputed", "orders")])).toEqual({ allowed: true });
  });

  it("refuses without a member or a confirmed address", () => {
    expect(marketingVerdict({ ...allowed, member: null })).toEqual({ allowed: false, reason: "no-member" });
    expect(marketingVerdict({ ...allowed, emailVerified: false })).toEqual({
      allowed: false,
      reason: "email-unconfirmed",
    });
  });
});
