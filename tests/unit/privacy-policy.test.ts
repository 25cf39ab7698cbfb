/**
 * The privacy policy says everything the inventory declares, in both languages: each
 * kind, each field, each processor (with the overseas transfer the law asks to
 * describe), each retention rule and the law table, and every section of the
 * published policy (issue 9, "The policy itself").
 */
import { describe, expect, it } from "vitest";
import { getPublicConfig, parseServerConfig } from "../../lib/config/env";
import { LOCALES } from "../../lib/i18n/locales";
import { translator } from "../../lib/i18n/messages";
import { BROWSER_STORAGE, COOKIE_CATEGORY_TEXTS } from "../../lib/privacy/cookie-consent";
import { DATA_INVENTORY, type DataKind } from "../../lib/privacy/data-inventory";
import { PRIVACY_POLICY_VERSIONS } from "../../lib/privacy/policy-versions";
import { buildPrivacyPolicy, policyText, RETENTION_LAWS } from "../../lib/privacy/privacy-policy";
import { PROCESSORS, type ProcessorId } from "../../lib/privacy/processors";

const business = getPublicConfig(
  parseServerConfig({ PRIVACY_OFFICER_NAME: "김보호", PRIVACY_OFFICER_EMAIL: "dpo@example.kr" }),
).business;
const NOW = new Date("2026-11-24T00:00:00Z");

const SECTIONS = [
  "items",
  "purposes",
  "retention",
  "destruction",
  "provision",
  "processors",
  "rights",
  "cookies",
  "security",
  "privacy-officer",
  "remedies",
  "children",
  "changes",
  "versions",
];

describe("the law table", () => {
  const months = (retention: DataKind["retention"]): number | null =>
    retention.kind === "years" ? retention.years * 12 : retention.kind === "months" ? retention.months : null;

  it.each(RETENTION_LAWS.map((rule) => [rule.record.en, rule] as const))(
    "names the inventory kinds that keep %s, each for exactly the law's period",
    (_record, rule) => {
      expect(rule.kinds.length).toBeGreaterThan(0);
      const period = "years" in rule.period ? rule.period.years * 12 : rule.period.months;
      for (const id of rule.kinds) {
        const kind = DATA_INVENTORY.find((entry) => entry.id === id);
        expect(kind, id).toBeDefined();
        expect(months(kind!.retention), id).toBe(period);
      }
    },
  );
});

describe.each(LOCALES)("the privacy policy in %s", (locale) => {
  const document = buildPrivacyPolicy({ locale, business, now: NOW });
  const text = policyText(document);
  const t = translator({ locale, namespace: "privacy" });

  it("has every section the seeds' imagesfactory policy has, numbered in order", () => {
    expect(document.sections.map((section) => section.id)).toEqual(SECTIONS);
    document.sections.forEach((section, index) => expect(section.title).toContain(String(index + 1)));
  });

  it.each(DATA_INVENTORY.map((kind) => [kind.id, kind] as const))(
    "names %s with every field, its purpose, legal basis, retention and disposal",
    (_id, kind: DataKind) => {
      expect(text).toContain(kind.title[locale]);
      for (const [field, description] of Object.entries(kind.fields))
        expect(text, `${kind.id}.${field}`).toContain(description[locale]);
      expect(text).toContain(kind.purpose[locale]);
      expect(text).toContain(kind.legalBasis[locale]);
      expect(text).toContain(kind.disposal[locale]);
      if ("from" in kind.retention) expect(text).toContain(kind.retention.from[locale]);
      const row = document.sections
        .find((section) => section.id === "retention")!
        .blocks.flatMap((block) => (block.kind === "table" ? block.rows : []))
        .find((cells) => cells[0] === kind.title[locale]);
      expect(row?.[2]).toBe(
        kind.onWithdrawal === "delete" ? t("withdrawal.delete") : t("withdrawal.pseudonymiseAndKeep"),
      );
    },
  );

  it("states each retention period in numbers", () => {
    for (const kind of DATA_INVENTORY) {
      const retention = kind.retention;
      if (retention.kind === "days")
        expect(text).toContain(t("retention.days", { days: retention.days, from: retention.from[locale] }));
      if (retention.kind === "months")
        expect(text).toContain(t("retention.months", { months: retention.months, from: retention.from[locale] }));
      if (retention.kind === "years")
        expect(text).toContain(t("retention.years", { years: retention.years, from: retention.from[locale] }));
    }
  });

  it("says how the data is collected: at sign-up, in use, at payment and from support", () => {
    for (const method of ["signup", "use", "payment", "support"] as const)
      expect(text).toContain(t(`items.methods.${method}`));
  });

  it("lists the law table with every law, record and period, row by row", () => {
    const table = document.sections
      .flatMap((section) => section.blocks)
      .find(
        (block) => block.kind === "table" && block.rows.some((row) => row[1] === RETENTION_LAWS[0]!.record[locale]),
      );
    if (table?.kind !== "table") throw new Error("No law table in the policy");
    expect(table.rows).toEqual(
      RETENTION_LAWS.map((rule) => [
        rule.law[locale],
        rule.record[locale],
        "years" in rule.period
          ? t("lawTable.years", { years: rule.period.years })
          : t("lawTable.months", { months: rule.period.months }),
      ]),
    );
  });

  it("describes every processor the inventory names, and each transfer abroad with country, items, timing, method and contact", () => {
    const named = new Set<ProcessorId>(DATA_INVENTORY.flatMap((kind) => kind.processors));
    expect([...named].sort()).toEqual(["google-cloud", "openai", "replicate", "sendgrid", "stripe", "toss-payments"]);
    for (const id of named) {
      const processor = PROCESSORS[id];
      expect(text).toContain(processor.name);
      expect(text).toContain(processor.task[locale]);
      expect(text).toContain(processor.items[locale]);
      expect(text).toContain(processor.keeps[locale]);
      if (processor.overseas) {
        expect(text).toContain(processor.overseas.country[locale]);
        expect(text).toContain(processor.overseas.timing[locale]);
        expect(text).toContain(processor.overseas.method[locale]);
        expect(text).toContain(processor.overseas.contact);
      }
    }
    const overseas = Object.values(PROCESSORS).filter((processor) => processor.overseas !== null);
    expect(overseas.map((processor) => processor.id).sort()).toEqual([
      "google-cloud",
      "openai",
      "replicate",
      "sendgrid",
      "stripe",
    ]);
    expect(PROCESSORS["toss-payments"].overseas).toBeNull();
  });

  it("lists every cookie category and everything stored in the browser", () => {
    for (const category of Object.values(COOKIE_CATEGORY_TEXTS)) expect(text).toContain(category[locale]);
    for (const entry of BROWSER_STORAGE) {
      expect(text).toContain(entry.name);
      expect(text).toContain(entry.purpose[locale]);
    }
  });

  it("names the privacy officer from the configuration, the four remedies, the minimum age and every version", () => {
    expect(text).toContain("김보호");
    if (locale === "en") {
      expect(text).toContain("Minju Song (김보호)");
      expect(text).toContain("CEO");
    }
    expect(text).toContain("dpo@example.kr");
    for (const remedy of ["kisa", "kopico", "spo", "police"] as const) expect(text).toContain(t(`remedies.${remedy}`));
    expect(t("remedies.kisa")).toContain("118");
    expect(t("remedies.kopico")).toContain("1833-6972");
    expect(t("remedies.spo")).toContain("1301");
    expect(t("remedies.police")).toContain("182");
    expect(text).toContain(t("children.body", { minimumAge: 14 }));
    for (const version of PRIVACY_POLICY_VERSIONS) expect(text).toContain(version.version);
    expect(document.meta).toContain(PRIVACY_POLICY_VERSIONS[0].version);
  });

  it("renders an inventory kind it is given, so a new kind cannot be left off", () => {
    const extra: DataKind = {
      ...DATA_INVENTORY[1]!,
      id: "support-tickets",
      title: { ko: "상담 기록", en: "Support tickets" },
      fields: { body: { ko: "문의 내용", en: "What was asked" } },
    };
    const withExtra = policyText(
      buildPrivacyPolicy({ locale, business, now: NOW, inventory: [...DATA_INVENTORY, extra] }),
    );
    expect(withExtra).toContain(extra.title[locale]);
    expect(withExtra).toContain(extra.fields.body![locale]);
  });
});
