/**
 * Runs before Next routes a request: every page, and API paths with a percent sign
 * (API routes are otherwise left to the route wrappers, which check the same Host;
 * Next would buffer a copy of every API body for the proxy, and the body limit must
 * stop reading at 64 KiB instead).
 *
 * Refuses a foreign Host (local mode) and a path that does not decode, in the API's
 * error shape; sends an address without a language to the visitor's (next-intl's
 * routing, i18n/routing.ts); sends a visitor without a session cookie from a member
 * page to sign in before any page code runs (the member layout then verifies the
 * cookie itself, and is told the address in REQUESTED_PATH_HEADER for sending the
 * visitor back after sign-in); gives each page response a fresh CSP nonce, which Next
 * reads from the request's policy and puts on the inline scripts it writes.
 */
import { NextRequest, NextResponse } from "next/server";
import createIntlRouting from "next-intl/middleware";
import { routing } from "@/i18n/routing";
import { getPublicConfig, getServerConfig } from "@/lib/config/env";
import { errorResponse } from "@/lib/http/responses";
import { screenRequest } from "@/lib/http/screen-request";
import {
  apiSecurityHeaders,
  isTossCheckoutPath,
  newNonce,
  pageContentSecurityPolicy,
  transportSecurityHeaders,
  withHeaders,
} from "@/lib/http/security-headers";
import { readCookie, SESSION_COOKIE } from "@/lib/http/session-cookie";
import { negotiateLocale, splitLocalePath } from "@/lib/i18n/locales";
import { isMemberPage, REQUESTED_PATH_HEADER } from "@/lib/navigation/sign-in-destination";

const intlRouting = createIntlRouting(routing);

/** Files Next serves from the root of app/ for every language (metadata files), left where they are. */
const ROOT_FILES = new Set(["/icon.svg"]);

export function proxy(request: NextRequest): Response {
  const config = getServerConfig();
  const publicConfig = getPublicConfig(config);
  try {
    screenRequest(request, config);
  } catch (error) {
    // A page address names its language; an API call asks for one in Accept-Language.
    const locale =
      splitLocalePath(request.nextUrl.pathname).locale ?? negotiateLocale(request.headers.get("accept-language"));
    return withHeaders(errorResponse(error, locale), apiSecurityHeaders(publicConfig));
  }
  if (request.nextUrl.pathname.startsWith("/api/")) return NextResponse.next();

  const policy = pageContentSecurityPolicy({
    config: publicConfig,
    nonce: newNonce(),
    development: config.NODE_ENV === "development",
    tossCheckout: isTossCheckoutPath(request.nextUrl.pathname),
  });
  const forwarded = new Headers(request.headers);
  forwarded.set("content-security-policy", policy);
  forwarded.set(REQUESTED_PATH_HEADER, requestedPath(request));
  const response = ROOT_FILES.has(request.nextUrl.pathname)
    ? NextResponse.next({ request: { headers: forwarded } })
    : (signInFirst(request) ?? intlRouting(new NextRequest(request, { headers: forwarded })));
  response.headers.set("content-security-policy", policy);
  for (const [name, value] of Object.entries(transportSecurityHeaders(config.APP_MODE))) {
    response.headers.set(name, value);
  }
  return response;
}

/** The address without its language, with its query: where sign-in sends the visitor back to. */
function requestedPath(request: NextRequest): string {
  return splitLocalePath(request.nextUrl.pathname).path + request.nextUrl.search;
}

/** A member page asked for without a session cookie: straight to sign in, coming back afterwards. */
function signInFirst(request: NextRequest): NextResponse | null {
  const { locale, path } = splitLocalePath(request.nextUrl.pathname);
  if (!locale || !isMemberPage(path) || readCookie(request, SESSION_COOKIE)) return null;
  const target = new URL(`/${locale}/signin`, request.url);
  target.searchParams.set("next", requestedPath(request));
  return NextResponse.redirect(target, 307);
}

export const config = {
  matcher: [
    // Everything but the API and Next's static files (hashed scripts and styles, no documents).
    "/((?!api/|_next/static/).*)",
    // API paths with a percent sign, which only a broken or hostile client sends.
    "/api/:path(.*%.*)",
  ],
};
