/**
 * Route handler wrappers: every handler gets the services, its params and (for
 * member routes) the verified member, and every thrown error becomes the one error
 * shape. Before anything else, every request is refused here unless it is sent to
 * the app's own host (local mode, screen-request.ts) and, if it changes state, from
 * the app's own origin (same-origin.ts), so no route can forget either. Answers get
 * HSTS in production. Webhooks (webhookRoute) come from a provider's servers, not a
 * page, so they skip the Origin check: their handler must verify the provider's
 * signature over the raw body before acting on anything. Handlers stay thin: parse, call one use case, answer. Every
 * handler knows the request's language (Accept-Language), in which errors answer.
 */
import type { VerifiedUser } from "../auth/auth-gateway";
import { requireMember } from "../accounts/members";
import { GENERATED_ID } from "../db/generated-id";
import { AppError } from "../errors/app-error";
import type { ServerConfig } from "../config/env";
import { negotiateLocale, type Locale } from "../i18n/locales";
import { getServices, type Services } from "../services";
import { authenticate } from "./authenticate";
import { readBodyBytes } from "./read-json";
import { errorResponse } from "./responses";
import { assertSameOrigin } from "./same-origin";
import { readCookie, STAFF_SESSION_COOKIE } from "./session-cookie";
import { authorizeStaffAccess, type AuthorizedStaffAccess, type StaffPolicy } from "../staff/authorize-staff-access";
import { assertOwnHost } from "./screen-request";
import { transportSecurityHeaders, withHeaders } from "./security-headers";

type Params = Record<string, string>;
interface RouteContext {
  params: Promise<Params>;
}

export interface PublicRequestContext {
  request: Request;
  /** The language of the request (Accept-Language): its error messages, and what a use case records for later mail. */
  locale: Locale;
  services: Services;
  params: Params;
}

export interface UserRequestContext extends PublicRequestContext {
  user: VerifiedUser;
}

/** Every id in a path is one the product made; anything else names nothing. */
async function pathParams(context: RouteContext | undefined): Promise<Params> {
  const params = (await context?.params) ?? {};
  if (Object.values(params).some((value) => !GENERATED_ID.test(value)))
    throw new AppError("NOT_FOUND", "request.notFound");
  return params;
}

export function publicRoute(handler: (ctx: PublicRequestContext) => Promise<Response>) {
  return async (request: Request, context?: RouteContext): Promise<Response> => {
    let appMode: ServerConfig["APP_MODE"] | undefined;
    let response: Response;
    const locale = negotiateLocale(request.headers.get("accept-language"));
    try {
      const services = getServices();
      appMode = services.config.APP_MODE;
      assertOwnHost(request, services.config);
      assertSameOrigin(request, services.config.APP_URL);
      response = await handler({ request, locale, services, params: await pathParams(context) });
    } catch (error) {
      response = errorResponse(error, locale);
    }
    return appMode ? withHeaders(response, transportSecurityHeaders(appMode)) : response;
  };
}

/** Signed in with Firebase; the member record may not exist yet (sign-up). */
export function userRoute(handler: (ctx: UserRequestContext) => Promise<Response>) {
  return publicRoute(async (ctx) => handler({ ...ctx, user: await authenticate(ctx.request, ctx.services) }));
}

/** Signed in and sign-up completed. */
export function memberRoute(handler: (ctx: UserRequestContext) => Promise<Response>) {
  return userRoute(async (ctx) => {
    await requireMember(ctx.services.db, ctx.user.uid);
    return handler(ctx);
  });
}

export interface WebhookRequestContext {
  request: Request;
  services: Services;
  /** The body exactly as sent: signatures are computed over these bytes. */
  rawBody: Buffer;
}

/** The largest webhook body taken (SendGrid batches events into one request). */
export const MAX_WEBHOOK_BODY_BYTES = 1024 * 1024;

/**
 * A provider's callback. Nothing in it is trusted until the handler has checked the
 * provider's signature over `rawBody`; errors answer in English (no person reads them).
 */
export function webhookRoute(handler: (ctx: WebhookRequestContext) => Promise<Response>) {
  return async (request: Request): Promise<Response> => {
    let appMode: ServerConfig["APP_MODE"] | undefined;
    let response: Response;
    try {
      const services = getServices();
      appMode = services.config.APP_MODE;
      assertOwnHost(request, services.config);
      const rawBody = Buffer.from(await readBodyBytes(request, MAX_WEBHOOK_BODY_BYTES));
      response = await handler({ request, services, rawBody });
    } catch (error) {
      response = errorResponse(error, "en");
    }
    return appMode ? withHeaders(response, transportSecurityHeaders(appMode)) : response;
  };
}

export interface StaffRequestContext extends PublicRequestContext {
  access: AuthorizedStaffAccess;
}

export interface StaffRouteOptions extends StaffPolicy {
  /** The member the request is about, found after the session and role are checked: logged with the action. */
  member?: (ctx: PublicRequestContext) => Promise<string | null>;
}

/**
 * A staff console API: the staff session cookie with both factors done, a role the
 * action allows, and (where it shows a member's data) `?reason=`; each request is
 * appended to the access log before the handler runs, and again if it fails. A member
 * session is no staff session: the staff cookie is the only credential read.
 */
export function staffRoute(options: StaffRouteOptions, handler: (ctx: StaffRequestContext) => Promise<Response>) {
  return publicRoute(async (ctx) => {
    const access = await authorizeStaffAccess({
      services: ctx.services,
      token: readCookie(ctx.request, STAFF_SESSION_COOKIE),
      headers: ctx.request.headers,
      policy: options,
      reason: new URL(ctx.request.url).searchParams.get("reason"),
      member: options.member && (() => options.member!(ctx)),
    });
    try {
      return await handler({ ...ctx, access });
    } catch (error) {
      await access.failed();
      throw error;
    }
  });
}
