/**
 * What every way of signing in does once Firebase has a user: trade a fresh ID token
 * for the session cookie, then ask the API whether sign-up was completed.
 */
import { api, ApiError } from "@/components/shared/api-client";
import type { Me } from "@/components/shared/api-types";
import type { ConsentState } from "./consent-fields";
import { nextPathFromLocation } from "./auth-redirect";
import type { SignedInUser } from "./firebase-client";

export async function startServerSession(user: SignedInUser): Promise<void> {
  const idToken = await user.idToken();
  await api<{ uid: string }>("/api/session", { method: "POST", body: { idToken } });
}

/**
 * Records name, age and consents for the signed-in user. Already recorded (a retry
 * after a lost response) counts as done.
 */
export async function completeAccount(name: string, consents: ConsentState): Promise<void> {
  try {
    await api("/api/account", {
      method: "POST",
      body: { name: name.trim(), ageConfirmed: consents.ageConfirmed, consents: consents.consents, locale: "en" },
    });
  } catch (caught) {
    if (!(caught instanceof ApiError && caught.code === "ACCOUNT_EXISTS")) throw caught;
  }
}

/** Where to go once the session exists: the page asked for, or /signup/complete when the account is incomplete. */
export async function destinationAfterSignIn(): Promise<string> {
  try {
    await api<Me>("/api/me");
    return nextPathFromLocation();
  } catch (error) {
    if (error instanceof ApiError && error.status === 403 && error.code === "ACCOUNT_INCOMPLETE")
      return "/signup/complete";
    throw error;
  }
}
