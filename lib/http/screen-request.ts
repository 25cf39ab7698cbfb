/**
 * What a request must satisfy before anything reads it: the app's own Host, and a
 * path that decodes. proxy.ts screens pages (and API paths with a percent sign) with
 * it before Next routes them; the route wrappers check the Host of API calls.
 *
 * Host, against DNS rebinding: a page on another site can point its own name at
 * 127.0.0.1 and then read the local stack as if it were its own origin, /mailbox
 * included (every local user's password-reset links). Such requests carry the
 * attacker's name in Host, so in local mode only APP_URL's host is served.
 * Production is not checked: it is public anyway, so rebinding gains nothing there,
 * and the hosting front end may hand the app a Host of its own.
 *
 * Path: Next decodes path parameters before our handlers run, and a lone `%` or a
 * broken UTF-8 sequence made it answer a bare 500 without our headers.
 */
import type { ServerConfig } from "../config/env";
import { AppError } from "../errors/app-error";

/** A Host header is a name and an optional port, nothing else (no user, path, query or backslash). */
const HOST_HEADER = /^(?:[a-z0-9.-]+|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i;

function normalizedHost(host: string): string | null {
  if (!HOST_HEADER.test(host)) return null;
  try {
    // Parsed, so that an explicit default port compares equal to none.
    return new URL(`http://${host}`).host;
  } catch {
    return null;
  }
}

/** `host`: the Host header (or, without one, the host of the URL the server built). */
export function isOwnHost(host: string, config: ServerConfig): boolean {
  if (config.APP_MODE !== "local") return true;
  const own = normalizedHost(new URL(config.APP_URL).host);
  return own !== null && normalizedHost(host) === own;
}

function hostOf(request: Request): string {
  return request.headers.get("host") ?? new URL(request.url).host;
}

function pathDecodes(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

export function assertOwnHost(request: Request, config: ServerConfig): void {
  if (!isOwnHost(hostOf(request), config)) {
    throw new AppError("HOST_REFUSED", "request.hostRefused");
  }
}

/** Throws the AppError that refuses the request, if any. */
export function screenRequest(request: Request, config: ServerConfig): void {
  assertOwnHost(request, config);
  if (!pathDecodes(new URL(request.url).pathname)) {
    throw new AppError("MALFORMED_URL", "request.malformedUrl");
  }
}
