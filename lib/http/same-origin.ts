/**
 * CSRF. A request that changes state (any method but GET, HEAD and OPTIONS) must come
 * from the app's own pages, whether it carries a session cookie, a bearer token or
 * nothing at all: a password reset or a sign-in is worth forging too.
 *
 * Browsers send Origin with every such request, same-origin ones included, so a
 * request without Origin does not come from a browser page. It is taken only with
 * `Authorization: Bearer`: a browser never attaches that by itself, and a page on
 * another site can only attach it after a CORS preflight that this app never grants.
 * A request that does name an origin must name ours, bearer token or not.
 */
import { AppError } from "../errors/app-error";

const READ_ONLY_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export function assertSameOrigin(request: Request, appUrl: string): void {
  if (READ_ONLY_METHODS.has(request.method)) return;
  const origin = request.headers.get("origin");
  if (origin === null && /^Bearer\s/i.test(request.headers.get("authorization") ?? "")) return;
  if (origin !== new URL(appUrl).origin) {
    throw new AppError("CSRF_REJECTED", "request.crossSite");
  }
}
