/**
 * Runs before Next routes a request: every page, and API paths with a percent sign
 * (API routes are otherwise left to the route wrappers, which check the same Host;
 * Next would buffer a copy of every API body for the proxy, and the body limit must
 * stop reading at 64 KiB instead).
 *
 * Refuses a foreign Host (local mode) and a path that does not decode, in the API's
 * error shape; gives each page response a fresh CSP nonce, which Next reads from the
 * request's policy and puts on the inline scripts it writes.
 */
import { NextResponse, type NextRequest } from "next/server";
import { getPublicConfig, getServerConfig } from "@/lib/config/env";
import { errorResponse } from "@/lib/http/responses";
import { screenRequest } from "@/lib/http/screen-request";
import {
  apiSecurityHeaders,
  newNonce,
  pageContentSecurityPolicy,
  transportSecurityHeaders,
  withHeaders,
} from "@/lib/http/security-headers";

export function proxy(request: NextRequest): Response {
  const config = getServerConfig();
  const publicConfig = getPublicConfig(config);
  try {
    screenRequest(request, config);
  } catch (error) {
    return withHeaders(errorResponse(error), apiSecurityHeaders(publicConfig));
  }
  if (request.nextUrl.pathname.startsWith("/api/")) return NextResponse.next();

  const policy = pageContentSecurityPolicy({
    config: publicConfig,
    nonce: newNonce(),
    development: config.NODE_ENV === "development",
  });
  const forwarded = new Headers(request.headers);
  forwarded.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers: forwarded } });
  response.headers.set("content-security-policy", policy);
  for (const [name, value] of Object.entries(transportSecurityHeaders(config.APP_MODE))) {
    response.headers.set(name, value);
  }
  return response;
}

export const config = {
  matcher: [
    // Everything but the API and Next's static files (hashed scripts and styles, no documents).
    "/((?!api/|_next/static/).*)",
    // API paths with a percent sign, which only a broken or hostile client sends.
    "/api/:path(.*%.*)",
  ],
};
