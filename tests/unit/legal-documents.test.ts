/**
 * The terms and the refund policy: both languages say the same things in the same
 * places, a released version never changes, the current terms are the version sign-up
 * asks consent to, and the numbers the texts state are the ones the code applies.
 */
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { IMAGE_RETENTION_DAYS } from "../../lib/images/image-record";
import { LOCALES } from "../../lib/i18n/locales";
import { businessLookupUrl, phoneHref } from "../../lib/legal/business-details";
import {
  announcedVersion,
  AUTHORITATIVE_LOCALE,
  currentVersion,
  fillPlaceholders,
  findVersion,
  LEGAL_PLACEHOLDERS,
  legalNoticeProblems,
  type LegalDocument,
  type LegalDocumentVersion,
  type LegalText,
} from "../../lib/legal/legal-document";
import { REFUND_POLICY } from "../../lib/legal/refund-policy";
import { TERMS } from "../../lib/legal/terms";
import { WITHDRAWAL_DAYS } from "../../lib/orders/withdrawal-period";
import { consentDocumentPaths, consentVersion } from "../../lib/accounts/consent-version";
import { MINIMUM_AGE } from "../../lib/privacy/policy-versions";

/**
 * Every released version and a hash of its words. A consent record names a version,
 * so its text may never change: edit a released version and this fails. Release a
 * change as a new version instead, and add its hash here.
 */
const RELEASED: Record<string, string> = {
  "terms-2026-12-01": "8dee64f0285590792a0069b7ec408c1901cccef661d1ad7fb0ac118f3b01f9ae",
  "terms-2026-11-23": "e3dc10e7d63c8036cc2fe5556c2631eb2f25a954202ad72a68bfb33116b60818",
  "refund-2026-11-23": "6c6740fb4670a16a374576fdbabacf9509692538d31be1e9879b4fbf96076c66",
};

const DOCUMENTS: [string, LegalDocument, string][] = [
  ["terms", TERMS, "terms"],
  ["refund policy", REFUND_POLICY, "refund"],
];

function fingerprint(version: LegalDocumentVersion): string {
  return createHash("sha256").update(JSON.stringify(version)).digest("hex");
}

/** Every piece of wording of a text, titles included. */
function wordsOf(text: LegalText): string[] {
  return [
    text.title,
    ...(text.translationNote ? [text.translationNote] : []),
    ...text.articles.flatMap((article) => [article.title, ...article.blocks.flat()]),
  ];
}

/** The structure of a text without its words: article ids, and per block a paragraph or a list of n items. */
function shapeOf(text: LegalText): string[] {
  return text.articles.map(
    (article) =>
      `${article.id}: ${article.blocks.map((block) => (typeof block === "string" ? "p" : `list(${block.length})`)).join(" ")}`,
  );
}

function allText(document: LegalDocument, locale: "ko" | "en"): string {
  return wordsOf(currentVersion(document).text[locale]).join("\n");
}

describe.each(DOCUMENTS)("the %s", (_name, document, prefix) => {
  const versions = document.versions;

  it("names each version after its effective date, newest first, each once", () => {
    for (const version of versions) {
      expect(version.version).toBe(`${prefix}-${version.effectiveDate}`);
      expect(Number.isNaN(Date.parse(`${version.effectiveDate}T00:00:00+09:00`))).toBe(false);
    }
    const dates = versions.map((version) => version.effectiveDate);
    expect(dates).toEqual([...dates].sort().reverse());
    expect(new Set(versions.map((version) => version.version)).size).toBe(versions.length);
    expect(findVersion(document, versions[0].version)).toBe(versions[0]);
    expect(findVersion(document, `${prefix}-1999-01-01`)).toBeUndefined();
  });

  it("announces each change at least 7 days before it takes effect (30 for one against members)", () => {
    expect(legalNoticeProblems(document)).toEqual([]);
  });

  it.each(versions.map((version) => [version.version, version] as const))(
    "%s is the version in effect from the first moment of its effective day in Korea",
    (_version, version) => {
      const start = new Date(`${version.effectiveDate}T00:00:00+09:00`);
      expect(currentVersion(document, start)).toBe(version);
      const before = currentVersion(document, new Date(start.getTime() - 1));
      expect(before).toBe(versions[versions.indexOf(version) + 1] ?? version);
    },
  );

  it.each(versions.map((version) => [version.version, version] as const))(
    "%s has the same articles, paragraphs and lists in every language",
    (_version, version) => {
      const korean = shapeOf(version.text.ko);
      expect(korean.length).toBeGreaterThan(5);
      for (const locale of LOCALES) expect(shapeOf(version.text[locale]), locale).toEqual(korean);
    },
  );

  it.each(versions.map((version) => [version.version, version] as const))(
    "%s is authoritative in Korean, and every translation says that it is one",
    (_version, version) => {
      for (const locale of LOCALES) {
        const note = version.text[locale].translationNote;
        if (locale === AUTHORITATIVE_LOCALE) expect(note).toBeNull();
        else expect(note).toMatch(/translation.*Korean text prevails/);
      }
    },
  );

  it.each(versions.map((version) => [version.version, version] as const))(
    "%s states its effective date in its closing article, in every language",
    (_version, version) => {
      const [year, month, day] = version.effectiveDate.split("-").map(Number);
      const closing = (locale: "ko" | "en") => version.text[locale].articles.at(-1)?.blocks.join(" ");
      expect(closing("ko")).toContain(`${year}년 ${month}월 ${day}일부터 시행합니다`);
      const english = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric" }).format(
        new Date(Date.UTC(year!, month! - 1, day)),
      );
      expect(closing("en")).toMatch(new RegExp(`takes? effect on ${english}\\.$`));
    },
  );

  it("uses no placeholder the pages cannot fill", () => {
    for (const version of versions) {
      for (const locale of LOCALES) {
        for (const words of wordsOf(version.text[locale])) {
          for (const [, name] of words.matchAll(/\{(\w*)\}/g)) expect(LEGAL_PLACEHOLDERS).toContain(name);
        }
      }
    }
  });

  it("never changes a released version (release a new one instead)", () => {
    expect(Object.fromEntries(versions.map((version) => [version.version, fingerprint(version)]))).toEqual(
      Object.fromEntries(Object.entries(RELEASED).filter(([version]) => version.startsWith(`${prefix}-`))),
    );
  });

  it("states the withdrawal period the refund rules apply", () => {
    expect(allText(document, "ko")).toContain(`결제한 날부터 ${WITHDRAWAL_DAYS}일 이내`);
    expect(allText(document, "en")).toMatch(new RegExp(`Within ${WITHDRAWAL_DAYS} days of paying`));
  });
});

describe("a change of a legal text", () => {
  const base = TERMS.versions.at(-1)!;
  const change = (announcedOn: string, adverse: boolean): LegalDocument => ({
    versions: [{ ...base, version: "terms-2027-01-10", effectiveDate: "2027-01-10", announcedOn, adverse }, base],
  });

  it("is refused with less notice than 7 days, or 30 for one against members", () => {
    expect(legalNoticeProblems(change("2027-01-03", false))).toEqual([]);
    expect(legalNoticeProblems(change("2027-01-04", false))).toEqual([
      "terms-2027-01-10 was announced 6 days ahead; it needs 7.",
    ]);
    expect(legalNoticeProblems(change("2026-12-11", true))).toEqual([]);
    expect(legalNoticeProblems(change("2026-12-12", true))).toEqual([
      "terms-2027-01-10 was announced 29 days ahead; it needs 30.",
    ]);
  });

  it("is shown as announced between its announcement and its effective day, and not after", () => {
    const document = change("2027-01-03", false);
    expect(announcedVersion(document, new Date("2027-01-02T14:59:59Z"))).toBeNull();
    expect(announcedVersion(document, new Date("2027-01-02T15:00:00Z"))?.version).toBe("terms-2027-01-10");
    expect(announcedVersion(document, new Date("2027-01-09T14:59:59Z"))?.version).toBe("terms-2027-01-10");
    expect(announcedVersion(document, new Date("2027-01-09T15:00:00Z"))).toBeNull();
  });
});

describe("the terms", () => {
  it("say that every image is generated by AI and labelled so, in the Service and in every file that leaves it", () => {
    const revised = findVersion(TERMS, "terms-2026-12-01")!;
    const words = (locale: "ko" | "en") => wordsOf(revised.text[locale]).join("\n");
    expect(words("ko")).toContain("서비스가 만든 이미지는 인공지능이 생성한 것입니다");
    expect(words("ko")).toContain("XMP와 C2PA 콘텐츠 자격증명");
    expect(words("en")).toContain("Images the Service makes are generated by AI");
    expect(words("en")).toContain("never includes anything that identifies the member, nor the prompt");
  });

  it("current version is the one sign-up asks consent to, at the address its checkbox links to", () => {
    const now = new Date();
    const current = currentVersion(TERMS, now);
    expect(consentVersion("terms", now)).toBe(current.version);
    expect(consentDocumentPaths(now).terms).toBe(`/terms/${current.version}`);
  });

  it("state the minimum age of sign-up and the life of images that the code applies", () => {
    expect(allText(TERMS, "ko")).toContain(`만 ${MINIMUM_AGE}세 이상인 사람만 가입할 수 있습니다`);
    expect(allText(TERMS, "en")).toContain(`Only people aged ${MINIMUM_AGE} or older may join`);
    expect(allText(TERMS, "ko")).toContain(`만든 날부터 ${IMAGE_RETENTION_DAYS}일이 지나면`);
    expect(allText(TERMS, "en")).toContain(`${IMAGE_RETENTION_DAYS} days after they were made`);
  });

  it("say that points do not expire, that bonus points are not refunded, and that used points are never paid back", () => {
    expect(allText(TERMS, "ko")).toContain("포인트에는 유효기간이 없습니다");
    expect(allText(TERMS, "en")).toContain("Points do not expire");
    expect(allText(TERMS, "ko")).toContain(
      "보너스 포인트는 무상으로 주는 것이므로 환불하거나 현금으로 바꿀 수 없습니다",
    );
    expect(allText(TERMS, "en")).toContain("A refund never returns money for points already used");
  });
});

describe("fillPlaceholders", () => {
  const values = { businessName: "엠제이스튜디오(MJ)", supportEmail: "help@example.com", supportPhone: "02-123-4567" };

  it("puts the deployment's details into a text and leaves other braces alone", () => {
    expect(fillPlaceholders("{businessName}: {supportEmail}, {supportPhone}", values)).toBe(
      "엠제이스튜디오(MJ): help@example.com, 02-123-4567",
    );
    expect(fillPlaceholders("{unknown} stays", values)).toBe("{unknown} stays");
  });

  it("leaves no placeholder in the current texts once filled", () => {
    for (const document of [TERMS, REFUND_POLICY]) {
      for (const locale of LOCALES) expect(fillPlaceholders(allText(document, locale), values)).not.toMatch(/\{\w+\}/);
    }
  });
});

describe("links from business details", () => {
  it("ask the Fair Trade Commission about the registration number's digits", () => {
    expect(businessLookupUrl("829-04-03406")).toBe("https://www.ftc.go.kr/bizCommPop.do?wrkr_no=8290403406");
  });

  it("dial a phone number as written, digits and a leading plus only", () => {
    expect(phoneHref("010-4882-9820")).toBe("tel:01048829820");
    expect(phoneHref("+82 2 123 4568")).toBe("tel:+8221234568");
  });
});
