import { describe, expect, it } from "vitest";
import { ABUSE_RECORDS } from "../../lib/abuse/abuse-record";
import { RATE_LIMITS } from "../../lib/abuse/rate-limit";
import { CONSENT_RECORDS, MEMBERS } from "../../lib/accounts/members";
import { assertDeclaredInInventory } from "../../lib/db/with-inventory-guard";
import { type AppError } from "../../lib/errors/app-error";
import { GENERATION_RETENTION_DAYS, GENERATIONS } from "../../lib/generation/generation-job";
import { IDEMPOTENCY_KEYS } from "../../lib/idempotency/idempotency-key";
import { IMAGE_RETENTION_DAYS, IMAGES } from "../../lib/images/image-record";
import { MAIL_OUTBOX } from "../../lib/mail/mail-outbox";
import {
  MAIL_PROVIDER_EVENT_DAYS,
  MAIL_PROVIDER_EVENTS,
  MAIL_SUPPRESSION_DAYS,
  MAIL_SUPPRESSIONS,
} from "../../lib/mail/mail-suppression";
import { ORDERS } from "../../lib/orders/order";
import { PROCESSORS } from "../../lib/privacy/processors";
import { POINT_ACCOUNTS, POINT_ENTRIES } from "../../lib/points/ledger";
import { RESERVATIONS } from "../../lib/points/reservations";
import { REFUNDS } from "../../lib/refunds/refund";
import { WELCOME_GRANT_RETENTION_DAYS, WELCOME_GRANTS } from "../../lib/points/welcome-points";
import { defineCollection } from "../../lib/db/collection";
import { WEBHOOK_DELIVERIES } from "../../lib/webhooks/webhook-delivery";
import { PROCESSING_RESTRICTIONS } from "../../lib/privacy/processing-restriction";
import { PRIVACY_REQUESTS } from "../../lib/privacy/privacy-request";
import { DATA_EXPORTS } from "../../lib/privacy/data-export";
import { SUPPORT_INQUIRIES } from "../../lib/support/support-inquiry";
import { DATA_INVENTORY, databaseKinds, declaredFields } from "../../lib/privacy/data-inventory";
import { ACCESS_RECORDS } from "../../lib/privacy/access-records";
import { DISPLAY_RECORDS } from "../../lib/pricing/display-records";
import { expectAppError } from "../support/app-error-thrown";
import { HELD_KINDS } from "../../lib/privacy/legal-hold";
import { LEGAL_HOLD } from "../../lib/privacy/legal-hold-record";
import { WITHDRAWAL_RECORD_DAYS, WITHDRAWALS } from "../../lib/withdrawal/withdrawal";
import { STAFF_ACCESS_CHAIN, STAFF_ACCESS_LOG } from "../../lib/staff/access-log";
import { STAFF_SECOND_FACTORS } from "../../lib/staff/second-factor";
import { STAFF_SESSIONS } from "../../lib/staff/staff-session";

const COLLECTIONS_IN_CODE = [
  MEMBERS,
  CONSENT_RECORDS,
  POINT_ACCOUNTS,
  POINT_ENTRIES,
  RESERVATIONS,
  GENERATIONS,
  IMAGES,
  ORDERS,
  MAIL_OUTBOX,
  IDEMPOTENCY_KEYS,
  RATE_LIMITS,
  WEBHOOK_DELIVERIES,
  ABUSE_RECORDS,
  MAIL_SUPPRESSIONS,
  MAIL_PROVIDER_EVENTS,
  WELCOME_GRANTS,
  REFUNDS,
  ACCESS_RECORDS,
  DISPLAY_RECORDS,
  WITHDRAWALS,
  LEGAL_HOLD,
  PROCESSING_RESTRICTIONS,
  PRIVACY_REQUESTS,
  SUPPORT_INQUIRIES,
  DATA_EXPORTS,
  STAFF_ACCESS_LOG,
  STAFF_ACCESS_CHAIN,
  STAFF_SESSIONS,
  STAFF_SECOND_FACTORS,
];

function refusal(action: () => unknown): AppError {
  return expectAppError(action, "DATABASE_REFUSED");
}

describe("the data inventory", () => {
  it("has unique ids", () => {
    const ids = DATA_INVENTORY.map((kind) => kind.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("declares each collection once", () => {
    const collections = databaseKinds().map((kind) => kind.store.collection);
    expect(new Set(collections).size).toBe(collections.length);
  });

  it.each(DATA_INVENTORY.map((kind) => [kind.id, kind] as const))(
    "%s is fully described in both languages",
    (_id, kind) => {
      expect(Object.keys(kind.fields).length).toBeGreaterThan(0);
      const descriptions = Object.values(kind.fields);
      const retentionStart = "from" in kind.retention ? [kind.retention.from] : [];
      for (const text of [
        kind.title,
        kind.purpose,
        kind.legalBasis,
        kind.disposal,
        ...descriptions,
        ...retentionStart,
      ]) {
        expect(text.ko.trim()).not.toBe("");
        expect(text.en.trim()).not.toBe("");
      }
      expect(kind.processors.length).toBeGreaterThan(0);
      for (const processor of kind.processors) expect(PROCESSORS[processor]?.id).toBe(processor);
      expect(["until-withdrawal", "days", "months", "years", "until-delivered"]).toContain(kind.retention.kind);
      if (kind.retention.kind === "days" || kind.retention.kind === "months" || kind.retention.kind === "years") {
        const amount =
          kind.retention.kind === "days"
            ? kind.retention.days
            : kind.retention.kind === "months"
              ? kind.retention.months
              : kind.retention.years;
        expect(Number.isInteger(amount) && amount > 0).toBe(true);
        // The sweeper queries a database kind by the field it names; blob files count from their writing.
        if (kind.store.kind === "database") expect(Object.keys(kind.fields)).toContain(kind.retention.sweptBy?.field);
        else expect(kind.retention.sweptBy).toBeUndefined();
      }
    },
  );

  it.each(COLLECTIONS_IN_CODE.map((collection) => [collection.name, collection] as const))(
    "declares the collection %s that the code writes, with the fields of its handle",
    (name, collection) => {
      expect(declaredFields(name)).toEqual(new Set(Object.keys(collection.fields)));
      expect(DATA_INVENTORY).toContain(collection.kind);
    },
  );

  it("declares no database collection the code does not use", () => {
    expect(
      databaseKinds()
        .map((kind) => kind.store.collection)
        .sort(),
    ).toEqual(COLLECTIONS_IN_CODE.map((collection) => collection.name).sort());
  });

  it("keeps images, their files and generation requests for 90 days, as the code expires them", () => {
    for (const kind of [IMAGES.kind, GENERATIONS.kind, DATA_INVENTORY.find((k) => k.id === "image-files")!]) {
      expect(kind.retention).toMatchObject({ kind: "days", days: 90 });
      expect(kind.onWithdrawal).toBe("delete");
    }
    expect(IMAGE_RETENTION_DAYS).toBe(90);
    expect(GENERATION_RETENTION_DAYS).toBe(90);
  });

  it.each([POINT_ACCOUNTS, POINT_ENTRIES, RESERVATIONS, ORDERS, REFUNDS])(
    "keeps $name for 5 years under the e-commerce act, pseudonymised on withdrawal",
    ({ kind }) => {
      expect(kind.retention).toMatchObject({ kind: "years", years: 5 });
      expect(kind.onWithdrawal).toBe("pseudonymise-and-keep");
      expect(kind.legalBasis.ko).toContain("전자상거래");
    },
  );

  it("keeps access records 3 months and records of prices shown 6 months, as the issue requires", () => {
    expect(ACCESS_RECORDS.kind.retention).toMatchObject({ kind: "months", months: 3 });
    expect(ACCESS_RECORDS.kind.onWithdrawal).toBe("pseudonymise-and-keep");
    expect(DISPLAY_RECORDS.kind.retention).toMatchObject({ kind: "months", months: 6 });
  });

  it("says that request limits are kept per client IP address, as a hash, and only for a day", () => {
    const kind = RATE_LIMITS.kind;
    const descriptions = Object.values(kind.fields);
    expect(descriptions.map((description) => description.en).join(" ")).toMatch(/hash of .*IP address/);
    expect(descriptions.map((description) => description.ko).join(" ")).toMatch(/IP 주소.*해시/);
    expect(kind.retention).toMatchObject({ kind: "days", days: 1, from: { en: "the start of the window" } });
  });

  it("keeps mail suppressions by a hash of the address, for as long as the code expires them, and deletes them on withdrawal", () => {
    expect(MAIL_SUPPRESSIONS.kind.retention).toMatchObject({ kind: "days", days: MAIL_SUPPRESSION_DAYS });
    expect(MAIL_PROVIDER_EVENTS.kind.retention).toMatchObject({ kind: "days", days: MAIL_PROVIDER_EVENT_DAYS });
    expect(Object.keys(MAIL_SUPPRESSIONS.fields)).not.toContain("email");
    expect(MAIL_SUPPRESSIONS.kind.fields.reason!.en).toMatch(/hash of the email address/);
    for (const kind of [MAIL_SUPPRESSIONS.kind, MAIL_PROVIDER_EVENTS.kind]) expect(kind.onWithdrawal).toBe("delete");
  });

  it("keeps the welcome-points record by a hash of the address, past withdrawal, for as long as the code expires it", () => {
    expect(WELCOME_GRANTS.kind.retention).toMatchObject({ kind: "days", days: WELCOME_GRANT_RETENTION_DAYS });
    expect(Object.keys(WELCOME_GRANTS.fields).sort()).toEqual(["expiresAt", "grantedAt"]);
    expect(WELCOME_GRANTS.kind.purpose.en).toMatch(/hash of the address/);
    expect(WELCOME_GRANTS.kind.onWithdrawal).toBe("pseudonymise-and-keep");
  });

  it("keeps the staff access log 2 years, as art. 8 of the security-measures standard asks of a large service", () => {
    for (const { kind } of [STAFF_ACCESS_LOG, STAFF_ACCESS_CHAIN]) {
      expect(kind.retention).toMatchObject({ kind: "years", years: 2, sweptBy: { field: "at", marks: "start" } });
      expect(kind.legalBasis.ko).toContain("안전성 확보조치 기준 제8조");
    }
    // The sweeper removes the entries before the head that dates the chain.
    const order = DATA_INVENTORY.map((kind) => kind.id);
    expect(order.indexOf("staff-access-log")).toBeLessThan(order.indexOf("staff-access-chain"));
  });

  it("keeps queued mail only until it is delivered", () => {
    expect(MAIL_OUTBOX.kind.retention).toEqual({ kind: "until-delivered" });
  });

  it("keeps no mail body or recipient in the outbox", () => {
    const fields = new Set(Object.keys(MAIL_OUTBOX.fields));
    for (const field of ["to", "subject", "text", "html", "body"]) expect(fields.has(field)).toBe(false);
  });

  it("declares the one address the outbox holds, a password reset's, as deleted once the mail is dealt with", () => {
    const description = MAIL_OUTBOX.kind.fields.email?.en;
    expect(description).toMatch(/password reset/i);
    expect(description).toMatch(/deleted/);
    expect(description).toMatch(/last attempt/);
  });
});

describe("assertDeclaredInInventory", () => {
  it("allows a write of declared fields only", () => {
    expect(() =>
      assertDeclaredInInventory(MAIL_OUTBOX, { uid: "u", template: "generation-result", refId: "g", attempts: 0 }),
    ).not.toThrow();
    expect(() => assertDeclaredInInventory(MEMBERS, {})).not.toThrow();
  });

  it("refuses a collection the inventory does not declare", () => {
    const tickets = defineCollection<{ uid: string }>("supportTickets", { uid: "Member" });
    expect(refusal(() => assertDeclaredInInventory(tickets, { uid: "u" })).message).toContain('"supportTickets"');
  });

  it("refuses a handle made outside the inventory, even under a declared name and fields", () => {
    const lookalike = defineCollection<{ name: string }>("members", { name: "Name" });
    expect(refusal(() => assertDeclaredInInventory(lookalike, { name: "Kim" })).message).toContain('"members"');
  });

  // The compiler refuses these as literals; a record built from a wider object reaches the guard.
  it("refuses an undeclared field that slipped past the types, naming it", () => {
    const wider = { name: "Kim", phoneNumber: "010-0000-0000" };
    const error = refusal(() => assertDeclaredInInventory(MEMBERS, wider));
    expect(error.message).toContain("phoneNumber");
    expect(error.message).not.toContain("name,");
  });

  it("refuses the email address in the mail outbox", () => {
    const withAddress = { uid: "u", to: "a@example.com" };
    expect(refusal(() => assertDeclaredInInventory(MAIL_OUTBOX, withAddress)).message).toContain("to");
  });
});

describe("what a withdrawal keeps", () => {
  it("moves to the legal hold exactly the kinds that name a member and are marked pseudonymise-and-keep", () => {
    const keptNamingMember = databaseKinds()
      .filter((kind) => kind.onWithdrawal === "pseudonymise-and-keep" && Object.hasOwn(kind.fields, "uid"))
      .map((kind) => kind.id)
      .sort();
    expect(HELD_KINDS.map((held) => held.collection.kind.id).sort()).toEqual(keptNamingMember);
  });

  it("keeps in place only what names no member (welcome grants, the hold itself) and the staff access log, whose hashes cover its every field", () => {
    const kept = databaseKinds().filter((kind) => kind.onWithdrawal === "pseudonymise-and-keep");
    const inPlace = kept.filter((kind) => !Object.hasOwn(kind.fields, "uid")).map((kind) => kind.id);
    expect(inPlace.sort()).toEqual(["legal-hold", "staff-access-chain", "staff-access-log", "welcome-grants"]);
  });

  it("keeps the record of a finished withdrawal as long as the inventory says", () => {
    expect(WITHDRAWALS.kind.retention).toMatchObject({ kind: "days", days: WITHDRAWAL_RECORD_DAYS });
  });
});
