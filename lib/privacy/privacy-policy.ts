/**
 * The privacy policy as a document: every section the published policy has, built
 * from the data inventory, the processors, the browser-storage audit, the company's
 * configuration and the policy version, in one language. The page renders it as it
 * is, and tests read it, so nothing the inventory declares can be left off the page.
 * Pure: no I/O.
 */
import type { Locale } from "../i18n/locales";
import { translator } from "../i18n/messages";
import { officerIn, phoneHref, type BusinessDetails } from "../legal/business-details";
import { BROWSER_STORAGE, COOKIE_CATEGORY_TEXTS, type CookieCategory } from "./cookie-consent";
import { DATA_INVENTORY, type DataKind, type Localized, type Retention } from "./data-inventory";
import {
  MINIMUM_AGE,
  MINIMUM_NOTICE_DAYS,
  policyVersionInEffect,
  PRIVACY_POLICY_VERSIONS,
  startOfKoreanDay,
  type PrivacyPolicyVersion,
} from "./policy-versions";
import { PROCESSORS, processorsInPolicyOrder } from "./processors";

/** A link inside the site, by its path without the language ("/cookies"). */
export interface SiteLink {
  text: string;
  path: string;
}

export type PolicyBlock =
  | { kind: "paragraph"; text: string }
  | { kind: "subheading"; text: string }
  | { kind: "list"; items: string[] }
  | { kind: "table"; caption: string; columns: string[]; rows: string[][] }
  | { kind: "contacts"; items: { label: string; text: string; href: string | null }[] }
  | { kind: "link"; link: SiteLink };

export interface PolicySection {
  id: string;
  title: string;
  blocks: PolicyBlock[];
}

export interface PrivacyPolicyDocument {
  title: string;
  lead: string;
  meta: string;
  contentsTitle: string;
  sections: PolicySection[];
}

/** The laws that make us keep records after an account is closed, and the inventory kinds each one keeps. */
export interface RetentionLaw {
  law: Localized;
  record: Localized;
  period: LawPeriod;
  /** The inventory kinds that keep these records, each for at least the period. */
  kinds: readonly string[];
}

export type LawPeriod = { years: number } | { months: number };

const COMMERCE_ACT: Localized = { ko: "전자상거래법", en: "Act on Consumer Protection in Electronic Commerce" };

export const RETENTION_LAWS: readonly RetentionLaw[] = [
  {
    law: COMMERCE_ACT,
    record: { ko: "계약 또는 청약철회 등에 관한 기록", en: "Records of contracts and withdrawals" },
    period: { years: 5 },
    kinds: ["orders", "refunds"],
  },
  {
    law: COMMERCE_ACT,
    record: { ko: "대금결제 및 재화 등의 공급에 관한 기록", en: "Records of payment and supply of goods" },
    period: { years: 5 },
    kinds: ["orders", "points-accounts", "points-ledger", "points-reservations"],
  },
  {
    law: COMMERCE_ACT,
    record: { ko: "소비자의 불만 또는 분쟁처리에 관한 기록", en: "Records of consumer complaints and disputes" },
    period: { years: 3 },
    kinds: ["privacy-requests", "support-inquiries"],
  },
  {
    law: COMMERCE_ACT,
    record: { ko: "표시·광고에 관한 기록", en: "Records of displays and advertising" },
    period: { months: 6 },
    kinds: ["display-records"],
  },
  {
    law: { ko: "전자금융거래법", en: "Electronic Financial Transactions Act" },
    record: { ko: "전자금융거래에 관한 기록", en: "Records of electronic financial transactions" },
    period: { years: 5 },
    kinds: ["orders", "refunds"],
  },
  {
    law: { ko: "국세기본법", en: "Framework Act on National Taxes" },
    record: { ko: "장부 및 증빙서류", en: "Tax ledgers and evidence" },
    period: { years: 5 },
    kinds: ["orders"],
  },
  {
    law: { ko: "통신비밀보호법", en: "Protection of Communications Secrets Act" },
    record: { ko: "웹사이트 방문 기록 (접속 기록)", en: "Website visit records (access logs)" },
    period: { months: 3 },
    kinds: ["access-records"],
  },
  {
    law: { ko: "회사 내부 방침", en: "Our internal policy" },
    record: { ko: "부정 이용 기록", en: "Records of abuse" },
    period: { years: 1 },
    kinds: ["abuse-records"],
  },
];

export interface BuildPrivacyPolicyOptions {
  locale: Locale;
  business: BusinessDetails;
  now: Date;
  versions?: readonly PrivacyPolicyVersion[];
  inventory?: readonly DataKind[];
}

export function buildPrivacyPolicy(options: BuildPrivacyPolicyOptions): PrivacyPolicyDocument {
  const { locale, business } = options;
  const versions = options.versions ?? PRIVACY_POLICY_VERSIONS;
  const inventory = options.inventory ?? DATA_INVENTORY;
  const t = translator({ locale, namespace: "privacy" });
  const dateFormat = new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: "Asia/Seoul" });
  const day = (date: string) => dateFormat.format(startOfKoreanDay(date));
  const current = policyVersionInEffect(options.now, versions);

  const retention = (rule: Retention): string => {
    switch (rule.kind) {
      case "until-withdrawal":
        return t("retention.untilWithdrawal");
      case "days":
        return t(rule.deletableOnRequest ? "retention.daysOrOnRequest" : "retention.days", {
          days: rule.days,
          from: rule.from[locale],
        });
      case "months":
        return t("retention.months", { months: rule.months, from: rule.from[locale] });
      case "years":
        return t("retention.years", { years: rule.years, from: rule.from[locale] });
      case "until-delivered":
        return t("retention.untilDelivered");
    }
  };
  const lawPeriod = (period: LawPeriod): string =>
    "years" in period ? t("lawTable.years", { years: period.years }) : t("lawTable.months", { months: period.months });
  const processorNames = (kind: DataKind) => kind.processors.map((id) => PROCESSORS[id].name).join(", ");
  const categoryName = (category: CookieCategory) => t(`cookies.categories.${category}`);
  const processors = processorsInPolicyOrder();
  const officer = { ...business.privacyOfficer, ...officerIn(locale, business.privacyOfficer) };

  const sections: { id: string; heading: string; blocks: PolicyBlock[] }[] = [
    {
      id: "items",
      heading: t("items.title"),
      blocks: [
        { kind: "paragraph", text: t("items.intro") },
        ...inventory.flatMap((kind): PolicyBlock[] => [
          { kind: "subheading", text: kind.title[locale] },
          { kind: "list", items: Object.values(kind.fields).map((field) => field[locale]) },
          { kind: "paragraph", text: t("items.storedBy", { processors: processorNames(kind) }) },
        ]),
        { kind: "subheading", text: t("items.methodsHeading") },
        {
          kind: "list",
          items: (["signup", "use", "payment", "support"] as const).map((method) => t(`items.methods.${method}`)),
        },
        { kind: "subheading", text: t("items.aiProvenanceHeading") },
        { kind: "paragraph", text: t("items.aiProvenance") },
      ],
    },
    {
      id: "purposes",
      heading: t("purposes.title"),
      blocks: [
        { kind: "paragraph", text: t("purposes.intro") },
        {
          kind: "table",
          caption: t("purposes.title"),
          columns: [t("purposes.kind"), t("purposes.purpose"), t("purposes.legalBasis")],
          rows: inventory.map((kind) => [kind.title[locale], kind.purpose[locale], kind.legalBasis[locale]]),
        },
      ],
    },
    {
      id: "retention",
      heading: t("retentionSection.title"),
      blocks: [
        { kind: "paragraph", text: t("retentionSection.intro") },
        {
          kind: "table",
          caption: t("retentionSection.title"),
          columns: [t("retentionSection.kind"), t("retentionSection.keptFor"), t("retentionSection.onWithdrawal")],
          rows: inventory.map((kind) => [
            kind.title[locale],
            retention(kind.retention),
            kind.onWithdrawal === "delete" ? t("withdrawal.delete") : t("withdrawal.pseudonymiseAndKeep"),
          ]),
        },
        { kind: "subheading", text: t("retentionSection.lawsHeading") },
        { kind: "paragraph", text: t("retentionSection.lawsIntro") },
        {
          kind: "table",
          caption: t("retentionSection.lawsHeading"),
          columns: [t("retentionSection.law"), t("retentionSection.record"), t("retentionSection.period")],
          rows: RETENTION_LAWS.map((rule) => [rule.law[locale], rule.record[locale], lawPeriod(rule.period)]),
        },
      ],
    },
    {
      id: "destruction",
      heading: t("destruction.title"),
      blocks: [
        { kind: "paragraph", text: t("destruction.procedure") },
        { kind: "subheading", text: t("destruction.methodsHeading") },
        {
          kind: "list",
          items: [...new Set(inventory.map((kind) => kind.disposal[locale])), t("destruction.paper")],
        },
      ],
    },
    {
      id: "provision",
      heading: t("provision.title"),
      blocks: [
        { kind: "paragraph", text: t("provision.intro") },
        { kind: "list", items: [t("provision.consent"), t("provision.law")] },
      ],
    },
    {
      id: "processors",
      heading: t("processors.title"),
      blocks: [
        { kind: "paragraph", text: t("processors.intro") },
        {
          kind: "table",
          caption: t("processors.title"),
          columns: [t("processors.name"), t("processors.task"), t("processors.items"), t("processors.keeps")],
          rows: processors.map((p) => [p.name, p.task[locale], p.items[locale], p.keeps[locale]]),
        },
        { kind: "subheading", text: t("processors.overseasHeading") },
        { kind: "paragraph", text: t("processors.overseasIntro") },
        {
          kind: "table",
          caption: t("processors.overseasHeading"),
          columns: [
            t("processors.recipient"),
            t("processors.country"),
            t("processors.items"),
            t("processors.timingMethod"),
            t("processors.keeps"),
          ],
          rows: processors.flatMap((p) =>
            p.overseas
              ? [
                  [
                    `${p.name} (${p.overseas.contact})`,
                    p.overseas.country[locale],
                    p.items[locale],
                    `${p.overseas.timing[locale]}; ${p.overseas.method[locale]}`,
                    p.keeps[locale],
                  ],
                ]
              : [],
          ),
        },
        { kind: "paragraph", text: t("processors.refusal") },
      ],
    },
    {
      id: "rights",
      heading: t("rights.title"),
      blocks: [
        { kind: "paragraph", text: t("rights.intro") },
        {
          kind: "list",
          items: (["access", "correct", "erase", "restrict", "export", "withdraw"] as const).map((right) =>
            t(`rights.list.${right}`),
          ),
        },
        { kind: "paragraph", text: t("rights.how") },
      ],
    },
    {
      id: "cookies",
      heading: t("cookies.title"),
      blocks: [
        { kind: "paragraph", text: t("cookies.intro") },
        { kind: "subheading", text: t("cookies.categoriesHeading") },
        { kind: "list", items: Object.values(COOKIE_CATEGORY_TEXTS).map((text) => text[locale]) },
        { kind: "subheading", text: t("cookies.storageHeading") },
        {
          kind: "table",
          caption: t("cookies.storageHeading"),
          columns: [
            t("cookies.name"),
            t("cookies.kind"),
            t("cookies.category"),
            t("cookies.purpose"),
            t("cookies.lifetime"),
          ],
          rows: BROWSER_STORAGE.map((entry) => [
            entry.name,
            t(`cookies.kinds.${entry.kind}`),
            categoryName(entry.category),
            entry.purpose[locale],
            entry.lifetime[locale],
          ]),
        },
        { kind: "paragraph", text: t("cookies.none") },
        { kind: "paragraph", text: t("cookies.choice") },
        { kind: "paragraph", text: t("cookies.change") },
        { kind: "link", link: { text: t("cookies.settingsLink"), path: "/cookies" } },
        { kind: "paragraph", text: t("cookies.browser") },
      ],
    },
    {
      id: "security",
      heading: t("security.title"),
      blocks: [
        {
          kind: "list",
          items: (["encryption", "access", "minimise", "deletion", "logs"] as const).map((item) =>
            t(`security.list.${item}`),
          ),
        },
      ],
    },
    {
      id: "privacy-officer",
      heading: t("officer.heading"),
      blocks: [
        { kind: "paragraph", text: t("officer.body") },
        {
          kind: "contacts",
          items: [
            { label: t("officer.name"), text: officer.name, href: null },
            { label: t("officer.title"), text: officer.title, href: null },
            { label: t("officer.email"), text: officer.email, href: `mailto:${officer.email}` },
            { label: t("officer.phone"), text: officer.phone, href: phoneHref(officer.phone) },
          ],
        },
      ],
    },
    {
      id: "remedies",
      heading: t("remedies.heading"),
      blocks: [
        { kind: "paragraph", text: t("remedies.body") },
        {
          kind: "list",
          items: (["kisa", "kopico", "spo", "police"] as const).map((body) => t(`remedies.${body}`)),
        },
      ],
    },
    {
      id: "children",
      heading: t("children.title"),
      blocks: [{ kind: "paragraph", text: t("children.body", { minimumAge: MINIMUM_AGE }) }],
    },
    {
      id: "changes",
      heading: t("changes.title"),
      blocks: [
        { kind: "paragraph", text: t("changes.body", MINIMUM_NOTICE_DAYS) },
        { kind: "link", link: { text: t("changes.noticesLink"), path: "/notices" } },
      ],
    },
    {
      id: "versions",
      heading: t("versionsSection.title"),
      blocks: [
        { kind: "paragraph", text: t("versionsSection.effective", { date: day(current.effectiveDate) }) },
        {
          kind: "list",
          items: versions.map((entry) =>
            [
              t("versionsSection.item", { version: entry.version, date: day(entry.effectiveDate) }),
              entry.announcedOn ? t("versionsSection.announced", { date: day(entry.announcedOn) }) : null,
              entry.material ? t("versionsSection.material") : null,
              entry.needsNewConsent ? t("versionsSection.newConsent") : null,
              entry.summary[locale],
            ]
              .filter((part) => part !== null)
              .join(" · "),
          ),
        },
      ],
    },
  ];

  return {
    title: t("title"),
    lead: t("lead", { businessName: business.name }),
    meta: t("meta", { version: current.version, date: day(current.effectiveDate) }),
    contentsTitle: t("contents"),
    sections: sections.map(({ id, heading, blocks }, index) => ({
      id,
      title: t("article", { number: index + 1, title: heading }),
      blocks,
    })),
  };
}

/** Every string of a policy document, for tests that look for what it must say. */
export function policyText(document: PrivacyPolicyDocument): string {
  const blockText = (block: PolicyBlock): string[] => {
    switch (block.kind) {
      case "paragraph":
      case "subheading":
        return [block.text];
      case "list":
        return block.items;
      case "table":
        return [block.caption, ...block.columns, ...block.rows.flat()];
      case "contacts":
        return block.items.flatMap((item) => [item.label, item.text]);
      case "link":
        return [block.link.text];
    }
  };
  return [
    document.title,
    document.lead,
    document.meta,
    ...document.sections.flatMap((s) => [s.title, ...s.blocks.flatMap(blockText)]),
  ].join("\n");
}
