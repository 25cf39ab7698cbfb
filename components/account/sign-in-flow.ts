/**
 * What every way of signing in does once Firebase has a user: trade a fresh ID token
 * for the session cookie, then ask the API whether sign-up was completed.
 */
import { api, ApiError } from "@/components/shared/api-client";
import type { Me } from "@/components/shared/api-types";
import { isLocale, type Locale } from "@/lib/i18n/locales";
import type { ConsentState } from "./consent-fields";
import { nextPathFromLocation } from "./auth-redirect";
import type { SignedInUser } from "./firebase-client";

export async function startServerSession(user: SignedInUser): Promise<void> {
  const idToken = await user.idToken();
  await api<{ uid: string }>("/api/session", { method: "POST", body: { idToken } });
}

/** The browser's time zone, so mail tells times as the member's clock does; none when the browser will not say. */
function browserTimeZone(): string | undefined {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || undefined;
  } catch {
    return undefined;
  }
}

export interface CompleteAccountOptions {
  name: string;
  consents: ConsentState;
  /** The language the consents were shown in, and the member's language from now on. */
  locale: Locale;
}

/**
 * Records name, age, consents, language and time zone for the signed-in user.
 * Already recorded (a retry after a lost response) counts as done.
 */
export async function completeAccount({ name, consents, locale }: CompleteAccountOptions): Promise<void> {
  try {
    await api("/api/account", {
      method: "POST",
      body: {
        name: name.trim(),
        ageConfirmed: consents.ageConfirmed,
        consents: consents.consents,
        locale,
        timeZone: browserTimeZone(),
      },
    });
  } catch (caught) {
    if (!(caught instanceof ApiError && caught.code === "ACCOUNT_EXISTS")) throw caught;
  }
}

/** A page to go to, and the language to show it in. */
export interface Destination {
  href: string;
  locale: Locale;
}

/**
 * Where to go once the session exists: the page asked for, in the member's own
 * language when they chose one (else the page's), or /signup/complete when the
 * account is incomplete.
 */
export async function destinationAfterSignIn(pageLocale: Locale): Promise<Destination> {
  try {
    // Checked rather than trusted: a server from before members had a language sends none.
    const me = await api<Me & { locale?: unknown }>("/api/me");
    return { href: nextPathFromLocation(), locale: isLocale(me.locale) ? me.locale : pageLocale };
  } catch (error) {
    if (error instanceof ApiError && error.status === 403 && error.code === "ACCOUNT_INCOMPLETE")
      return { href: "/signup/complete", locale: pageLocale };
    throw error;
  }
}
