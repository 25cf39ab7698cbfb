/**
 * The security headers of the app's answers, built from the parsed configuration
 * (pure: no I/O, so a test reads them directly).
 *
 * - Every answer: the fixed headers below (next.config.ts sets them, for Next's own
 *   answers too).
 * - Pages: a Content-Security-Policy with a nonce made for each response (proxy.ts);
 *   Next reads the nonce from the policy and puts it on the inline scripts it writes,
 *   so an injected inline script, which cannot know it, does not run.
 * - API answers: a policy that allows nothing, since they are data, never documents.
 * - In production, HSTS on everything the app answers itself.
 */
import { randomBytes } from "node:crypto";
import type { PublicConfig } from "../config/env";

export const FIXED_SECURITY_HEADERS: readonly { key: string; value: string }[] = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "same-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=()" },
];

export const API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";

export const STRICT_TRANSPORT_SECURITY = "max-age=63072000; includeSubDomains";

/** 128 random bits, fresh for every page response. */
export function newNonce(): string {
  return randomBytes(16).toString("base64");
}

export interface PagePolicyOptions {
  config: PublicConfig;
  nonce: string;
  /** `next dev`: React rebuilds server error stacks with eval there, and only there. */
  development: boolean;
  /** The Toss checkout page (`isTossCheckoutPath`), the one page that loads Toss's widget. */
  tossCheckout?: boolean;
}

/** Toss's browser SDK loads from here (@tosspayments/tosspayments-sdk's script URL). */
export const TOSS_SCRIPT_ORIGIN = "https://js.tosspayments.com";
/** The widget's frames and the calls it makes come from Toss's own domains. */
const TOSS_WIDGET_SOURCES = "https://*.tosspayments.com https://*.toss.im";

export function isTossCheckoutPath(pathname: string): boolean {
  return /^\/(ko|en)\/checkout\/toss\/[^/]+\/?$/.test(pathname);
}

/**
 * What pages may load. Scripts: the app's own files, inline ones with this response's
 * nonce, and Google's sign-in script. Images: the app's own, and signed URLs of the
 * blob store when it serves them (Cloud Storage). Styles allow inline ones (style attributes, such
 * as the progress bar's width, cannot carry a nonce). The browser talks only to the
 * app and Firebase Auth: Google's endpoints and, when the configuration names one (in
 * local mode), the Auth emulator's origin; no other address on the machine. Nothing
 * may frame the app. The Toss checkout page alone also runs Toss's SDK script and
 * lets its widget frame and call Toss's domains.
 */
export function pageContentSecurityPolicy({ config, nonce, development, tossCheckout }: PagePolicyOptions): string {
  const emulator = config.appMode === "local" ? config.firebase.authEmulatorUrl : null;
  const toss = tossCheckout === true && config.tossClientKey !== null;
  const withEmulator = (sources: string) =>
    `${sources}${toss ? ` ${TOSS_WIDGET_SOURCES}` : ""}${emulator ? ` ${new URL(emulator).origin}` : ""}`;
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' https://apis.google.com${toss ? ` ${TOSS_SCRIPT_ORIGIN}` : ""}${development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    `img-src 'self' data: blob:${config.blobOrigin ? ` ${config.blobOrigin}` : ""}`,
    "font-src 'self'",
    withEmulator("connect-src 'self' https://identitytoolkit.googleapis.com https://securetoken.googleapis.com"),
    withEmulator(`frame-src https://${config.firebase.authDomain} https://accounts.google.com`),
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** HSTS only in production: locally the app is plain http on loopback. */
export function transportSecurityHeaders(appMode: PublicConfig["appMode"]): Record<string, string> {
  return appMode === "production" ? { "strict-transport-security": STRICT_TRANSPORT_SECURITY } : {};
}

/** A copy of the response with these headers set (a Response's own headers may be immutable). */
export function withHeaders(response: Response, headers: Record<string, string>): Response {
  const entries = Object.entries(headers);
  if (entries.length === 0) return response;
  const copy = new Response(response.body, response);
  for (const [name, value] of entries) copy.headers.set(name, value);
  return copy;
}

/** For answers that are data: the API's, and the errors proxy.ts answers with itself. */
export function apiSecurityHeaders(config: PublicConfig): Record<string, string> {
  return { "content-security-policy": API_CONTENT_SECURITY_POLICY, ...transportSecurityHeaders(config.appMode) };
}
