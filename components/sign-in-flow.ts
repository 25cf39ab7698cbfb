/**
 * What every way of signing in does once Firebase has a user: trade a fresh ID token
 * for the session cookie, then ask the API whether sign-up was completed.
 */
import type { User } from "firebase/auth";
import { api, ApiError } from "./api-client";
import type { Me } from "./api-types";
import { nextPathFromLocation } from "./auth-redirect";

export async function startServerSession(user: User): Promise<void> {
  const idToken = await user.getIdToken();
  await api<{ uid: string }>("/api/session", { method: "POST", body: { idToken } });
}

/** Where to go once the session exists: the page asked for, or /signup/complete when the account is incomplete. */
export async function destinationAfterSignIn(): Promise<string> {
  try {
    await api<Me>("/api/me");
    return nextPathFromLocation();
  } catch (error) {
    if (error instanceof ApiError && error.status === 403 && error.code === "ACCOUNT_INCOMPLETE") return "/signup/complete";
    throw error;
  }
}
