/**
 * Every message of the product, per language, one JSON file per namespace in
 * `messages/<locale>/`. English is the reference shape (the type every translation
 * must match: tests/unit/messages.test.ts compares the keys and the ICU arguments of
 * both languages). Pages hand the browser only the namespaces they use.
 *
 * The translator is use-intl's own (the core of next-intl, without React or Next), so
 * mail templates, API errors and the Cloud Functions format with the same rules,
 * plurals included, as the pages.
 */
import { createTranslator, type Formats, type Messages as IntlMessages } from "use-intl/core";
import enAccount from "../../messages/en/account.json" with { type: "json" };
import enCommon from "../../messages/en/common.json" with { type: "json" };
import enErrors from "../../messages/en/errors.json" with { type: "json" };
import enGallery from "../../messages/en/gallery.json" with { type: "json" };
import enGenerate from "../../messages/en/generate.json" with { type: "json" };
import enLanding from "../../messages/en/landing.json" with { type: "json" };
import enLegal from "../../messages/en/legal.json" with { type: "json" };
import enMail from "../../messages/en/mail.json" with { type: "json" };
import enMailbox from "../../messages/en/mailbox.json" with { type: "json" };
import enMember from "../../messages/en/member.json" with { type: "json" };
import enPoints from "../../messages/en/points.json" with { type: "json" };
import enPrivacy from "../../messages/en/privacy.json" with { type: "json" };
import enMyPage from "../../messages/en/myPage.json" with { type: "json" };
import enStaff from "../../messages/en/staff.json" with { type: "json" };
import koAccount from "../../messages/ko/account.json" with { type: "json" };
import koCommon from "../../messages/ko/common.json" with { type: "json" };
import koErrors from "../../messages/ko/errors.json" with { type: "json" };
import koGallery from "../../messages/ko/gallery.json" with { type: "json" };
import koGenerate from "../../messages/ko/generate.json" with { type: "json" };
import koLanding from "../../messages/ko/landing.json" with { type: "json" };
import koLegal from "../../messages/ko/legal.json" with { type: "json" };
import koMail from "../../messages/ko/mail.json" with { type: "json" };
import koMailbox from "../../messages/ko/mailbox.json" with { type: "json" };
import koMember from "../../messages/ko/member.json" with { type: "json" };
import koPoints from "../../messages/ko/points.json" with { type: "json" };
import koPrivacy from "../../messages/ko/privacy.json" with { type: "json" };
import koMyPage from "../../messages/ko/myPage.json" with { type: "json" };
import koStaff from "../../messages/ko/staff.json" with { type: "json" };
import { DEFAULT_TIME_ZONE, type Locale } from "./locales";

const en = {
  common: enCommon,
  account: enAccount,
  landing: enLanding,
  member: enMember,
  generate: enGenerate,
  gallery: enGallery,
  points: enPoints,
  legal: enLegal,
  privacy: enPrivacy,
  errors: enErrors,
  mail: enMail,
  mailbox: enMailbox,
  myPage: enMyPage,
  staff: enStaff,
};

export type Messages = typeof en;
export type Namespace = keyof Messages;

/** Korean must have exactly the shape of English; the compiler checks each file. */
const ko: Messages = {
  common: koCommon,
  account: koAccount,
  landing: koLanding,
  member: koMember,
  generate: koGenerate,
  gallery: koGallery,
  points: koPoints,
  legal: koLegal,
  privacy: koPrivacy,
  errors: koErrors,
  mail: koMail,
  mailbox: koMailbox,
  myPage: koMyPage,
  staff: koStaff,
};

const MESSAGES: Record<Locale, Messages> = { ko, en };

/**
 * The named date and time styles messages use: `{at, date, dateLong}`, `{at, time,
 * timeShort}` (ICU's own long date and short time). Named, not ICU's `long` and
 * `short`: the web build formats precompiled messages (next.config.ts) from one table
 * for dates and times, where ICU's names mean one thing for a date and another for a
 * time. tests/unit/precompiled-messages.test.ts holds both builds to the same text.
 */
export const FORMATS = {
  dateTime: {
    dateLong: { year: "numeric", month: "long", day: "numeric" },
    timeShort: { hour: "numeric", minute: "numeric" },
  },
} as const satisfies Formats;

/**
 * Whether a node of a messages tree is a message rather than a namespace: its text as
 * written, or in the web build its compiled form (next.config.ts precompiles them).
 */
export function isMessage(node: unknown): boolean {
  return typeof node === "string" || Array.isArray(node);
}

export function messagesFor(locale: Locale): Messages {
  return MESSAGES[locale];
}

/** Only the namespaces a page's browser code uses, so no page ships every message. */
export function pickMessages<N extends Namespace>(locale: Locale, namespaces: readonly N[]): Pick<Messages, N> {
  const all = MESSAGES[locale];
  return Object.fromEntries(namespaces.map((namespace) => [namespace, all[namespace]])) as Pick<Messages, N>;
}

export interface TranslatorOptions<N extends Namespace> {
  locale: Locale;
  namespace: N;
  timeZone?: string;
}

/** A translator outside React (mail, API errors), with the same plural and date rules as the pages. */
export function translator<N extends Namespace>({ locale, namespace, timeZone }: TranslatorOptions<N>) {
  return createTranslator<IntlMessages, N>({
    locale,
    messages: MESSAGES[locale],
    formats: FORMATS,
    namespace,
    timeZone: timeZone ?? DEFAULT_TIME_ZONE,
  });
}
