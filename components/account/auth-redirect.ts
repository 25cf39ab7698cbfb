/**
 * Where a member page sends the person when the API says they may not be here:
 * 401 to sign in (coming back afterwards), 403 ACCOUNT_INCOMPLETE to finish sign-up.
 * The paths carry no language: callers navigate with the router of i18n/navigation.ts.
 */
import { splitLocalePath } from "@/lib/i18n/locales";
import { DEFAULT_AFTER_SIGN_IN, signInDestination } from "@/lib/navigation/sign-in-destination";
import { ApiError } from "@/components/shared/api-client";

export function authRedirectFor(error: unknown): string | null {
  if (!(error instanceof ApiError)) return null;
  if (error.status === 401) {
    const here =
      typeof window === "undefined" ? "" : splitLocalePath(window.location.pathname).path + window.location.search;
    return here && here !== "/" ? `/signin?next=${encodeURIComponent(here)}` : "/signin";
  }
  if (error.status === 403 && error.code === "ACCOUNT_INCOMPLETE") return "/signup/complete";
  return null;
}

/** The `next` of the current address when it is one of our member pages, else the default. */
export function nextPathFromLocation(): string {
  if (typeof window === "undefined") return DEFAULT_AFTER_SIGN_IN;
  return signInDestination(new URLSearchParams(window.location.search).get("next"), window.location.origin);
}
