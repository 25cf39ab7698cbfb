/**
 * Every page of the product, as the page benchmarks visit them: the address without
 * its language, whether it needs the member signed in, and the status it should answer
 * (a page that answers 404 where it should not exists nowhere yet, and is reported as
 * missing rather than measured).
 */
import type { BrowserContext } from "@playwright/test";
import { LOCALES, type Locale } from "../../lib/i18n/locales";
import { SESSION_COOKIE } from "../../lib/http/session-cookie";
import type { BenchMember } from "./bench-member";

export interface BenchPage {
  name: string;
  path: string;
  signedIn: boolean;
  expectedStatus: 200 | 404;
}

export { LOCALES, type Locale };

export const COLOR_SCHEMES = ["light", "dark"] as const;
export type ColorScheme = (typeof COLOR_SCHEMES)[number];

export function benchPages(member: BenchMember): BenchPage[] {
  const page = (name: string, path: string, signedIn = false): BenchPage => ({
    name,
    path,
    signedIn,
    expectedStatus: 200,
  });
  return [
    page("landing", "/"),
    page("sign-in", "/signin"),
    page("sign-up", "/signup"),
    page("sign-up/complete", "/signup/complete"),
    page("reset-password", "/reset-password"),
    page("auth/action", "/auth/action"),
    page("privacy", "/privacy"),
    page("terms", "/terms"),
    page("refund-policy", "/refund-policy"),
    page("mailbox", "/mailbox"),
    page("generate", "/generate", true),
    page("gallery", "/gallery", true),
    page("points", "/points", true),
    page("generation", `/generations/${member.generationId}`, true),
    page("sandbox checkout", `/checkout/sandbox/${member.pendingOrderId}`, true),
    { name: "404", path: "/no-such-page", signedIn: false, expectedStatus: 404 },
  ];
}

/** The address of a page in one language (the path "/" is the language's landing page). */
export function pageUrl(baseUrl: string, locale: Locale, path: string): string {
  return `${baseUrl}/${locale}${path === "/" ? "" : path}`;
}

/** Signs a browser context in as the member: the session cookie is all member pages need. */
export async function signIn(context: BrowserContext, baseUrl: string, member: BenchMember): Promise<void> {
  await context.addCookies([{ name: SESSION_COOKIE, value: member.sessionCookie, url: baseUrl, httpOnly: true }]);
}

/** Chromium as the e2e tests run it: Debian's, never a downloaded one (Playwright adds its own headless flag). */
export const CHROMIUM = "/usr/bin/chromium";
export const CHROMIUM_FLAGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];
