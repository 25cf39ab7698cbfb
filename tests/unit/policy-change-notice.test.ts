/**
 * Announcing a privacy policy change (PIPA art. 30(2); the policy's "changes" section): the
 * site banner names the day the new version takes effect and links to the notices page,
 * which lists the version with the day it was announced and its summary, in Korean and
 * English. The real version list has no announced change yet, so the components are
 * rendered, as the server renders them, with one.
 */
import { createElement, type ReactElement } from "react";
import { renderToString } from "react-dom/server";
import { NextIntlClientProvider } from "next-intl";
import { describe, expect, it } from "vitest";
import { PolicyChangeBanner } from "../../components/privacy/policy-change-banner";
import { PolicyNotices } from "../../components/privacy/policy-notices";
import { DEFAULT_TIME_ZONE, type Locale } from "../../lib/i18n/locales";
import { messagesFor, translator } from "../../lib/i18n/messages";
import {
  policyVersionProblems,
  PRIVACY_POLICY_VERSIONS,
  type PrivacyPolicyVersion,
} from "../../lib/privacy/policy-versions";

const announced: PrivacyPolicyVersion = {
  version: "privacy-2027-03-01",
  effectiveDate: "2027-03-01",
  announcedOn: "2027-01-20",
  material: true,
  needsNewConsent: false,
  summary: { ko: "이미지 보관 기간을 60일로 줄입니다", en: "Images are kept 60 days instead of 90" },
};
const versions = [announced, ...PRIVACY_POLICY_VERSIONS];

function render(locale: Locale, element: ReactElement): string {
  return renderToString(
    createElement(NextIntlClientProvider, {
      locale,
      messages: messagesFor(locale),
      timeZone: DEFAULT_TIME_ZONE,
      children: element,
    }),
  );
}

/** The text as a browser shows it: tags dropped and entities read. */
function text(html: string): string {
  return html
    .replace(/<[^>]*>/g, "")
    .replace(/&#x27;/g, "'")
    .replace(/&amp;/g, "&");
}

function longDate(locale: Locale, date: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: DEFAULT_TIME_ZONE }).format(
    new Date(`${date}T00:00:00+09:00`),
  );
}

describe.each(["ko", "en"] as const)("an announced privacy policy change, in %s", (locale) => {
  const t = translator({ locale, namespace: "privacy" });

  it("is a version the policy module itself would accept (30 days' notice for a material change)", () => {
    expect(policyVersionProblems(versions)).toEqual([]);
  });

  it("shows the banner from its announcement until it takes effect, with the date and a link to the notices", () => {
    const during = render(
      locale,
      createElement(PolicyChangeBanner, { now: new Date("2027-02-10T03:00:00Z"), versions }),
    );
    expect(text(during)).toContain(t("notices.banner", { date: longDate(locale, "2027-03-01") }));
    expect(during).toContain(`href="/${locale}/notices"`);
    expect(text(during)).toContain(t("notices.bannerLink"));

    // Korea's day: the banner starts at midnight in Seoul on the announcement day and ends when the version takes effect.
    for (const outside of ["2027-01-19T14:59:00Z", "2027-02-28T15:00:00Z"])
      expect(render(locale, createElement(PolicyChangeBanner, { now: new Date(outside), versions }))).toBe("");
    expect(
      render(locale, createElement(PolicyChangeBanner, { now: new Date("2027-01-19T15:00:00Z"), versions })),
    ).not.toBe("");
  });

  it("lists it on the notices page with the day it was announced and its summary, above the first version", () => {
    const shown = text(render(locale, createElement(PolicyNotices, { versions })));
    const change = t("notices.policyChange", { date: longDate(locale, "2027-03-01") });
    expect(shown).toContain(change);
    expect(shown).toContain(t("notices.announcedOn", { date: longDate(locale, "2027-01-20") }));
    expect(shown).toContain(`privacy-2027-03-01 · ${announced.summary[locale]} · ${t("versionsSection.material")}`);
    const first = t("notices.firstVersion", { date: longDate(locale, "2026-11-01") });
    expect(shown.indexOf(change)).toBeLessThan(shown.indexOf(first));
  });

  it("shows no banner with the real versions, which announce nothing yet", () => {
    expect(render(locale, createElement(PolicyChangeBanner, { now: new Date("2027-02-10T03:00:00Z") }))).toBe("");
  });
});
