/**
 * Runs before Next routes a request: every page, and API paths with a percent sign
 * (API routes are otherwise left to the route wrappers, which check the same Host;
 * Next would buffer a copy of every API body for the proxy, and the body limit must
 * stop reading at 64 KiB instead).
 *
 * Refuses a foreign Host (local mode) and a path that does not decode, in the API's
 * error shape.
 */
import { NextResponse, type NextRequest } from "next/server";
import { getServerConfig } from "@/lib/config/env";
import { errorResponse } from "@/lib/http/responses";
import { screenRequest } from "@/lib/http/screen-request";

export function proxy(request: NextRequest): Response {
  try {
    screenRequest(request, getServerConfig());
  } catch (error) {
    return errorResponse(error);
  }
  return NextResponse.next();
}

export const config = {
  matcher: [
    // Everything but the API and Next's static files (hashed scripts and styles, no documents).
    "/((?!api/|_next/static/).*)",
    // API paths with a percent sign, which only a broken or hostile client sends.
    "/api/:path(.*%.*)",
  ],
};
