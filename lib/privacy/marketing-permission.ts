/**
 * The one rule every marketing mail must pass, per member, at the moment it would be
 * sent: no sender may mail news or offers without asking this first. There is no
 * marketing mail yet; the rule exists so that the first sender cannot forget a
 * withdrawal, an objection, a restriction or a disputed address.
 */
import { findMember, CONSENT_RECORDS, type Member, type ConsentRecord } from "../accounts/members";
import type { Services } from "../services";
import { activeRestrictions, type ProcessingRestriction } from "./processing-restriction";

export type MarketingRefusal =
  "no-member" | "no-consent" | "objected" | "restricted" | "disputed" | "email-unconfirmed";

export type MarketingVerdict = { allowed: true } | { allowed: false; reason: MarketingRefusal };

/** The data kinds marketing mail uses: the address, and the profile it is personalised from. */
const KINDS_MARKETING_USES = new Set(["auth-account", "member-profile"]);

export interface MarketingFacts {
  member: Member | null;
  /** The member's marketing consent records, in any order. */
  consents: readonly ConsentRecord[];
  restrictions: readonly ProcessingRestriction[];
  emailVerified: boolean;
}

/** Pure: whether these facts allow marketing mail. The newest consent record decides, not the member's flag alone. */
export function marketingVerdict(facts: MarketingFacts): MarketingVerdict {
  if (!facts.member) return { allowed: false, reason: "no-member" };
  const newest = [...facts.consents]
    .filter((record) => record.purpose === "marketing")
    .sort((a, b) => a.recordedAt.localeCompare(b.recordedAt))
    .at(-1);
  if (!facts.member.marketingOptIn || !newest?.granted) return { allowed: false, reason: "no-consent" };
  if (facts.restrictions.some((r) => r.kind === "marketing-objection")) return { allowed: false, reason: "objected" };
  if (facts.restrictions.some((r) => r.kind === "restriction")) return { allowed: false, reason: "restricted" };
  if (
    facts.restrictions.some((r) => r.kind === "disputed" && r.dataKind !== null && KINDS_MARKETING_USES.has(r.dataKind))
  )
    return { allowed: false, reason: "disputed" };
  if (!facts.emailVerified) return { allowed: false, reason: "email-unconfirmed" };
  return { allowed: true };
}

/** Whether this member may be sent marketing mail now: every marketing sender calls this for each recipient. */
export async function mayReceiveMarketing(options: { services: Services; uid: string }): Promise<MarketingVerdict> {
  const { db, auth } = options.services;
  const [member, consents, restrictions, user] = await Promise.all([
    findMember(db, options.uid),
    db.query({ collection: CONSENT_RECORDS, where: [{ field: "uid", op: "==", value: options.uid }] }),
    activeRestrictions(db, options.uid),
    auth.getUser(options.uid),
  ]);
  return marketingVerdict({
    member,
    consents: consents.map((doc) => doc.data),
    restrictions,
    emailVerified: user?.emailVerified ?? false,
  });
}
