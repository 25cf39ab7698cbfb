/**
 * The Firebase client SDK, initialised once per page from the runtime config. The
 * server's httpOnly session cookie is what keeps a member signed in, so the SDK keeps
 * its own state in memory only (Firebase's advice for session cookies).
 */
import { FirebaseError, getApps, initializeApp } from "firebase/app";
import {
  browserPopupRedirectResolver,
  connectAuthEmulator,
  GoogleAuthProvider,
  inMemoryPersistence,
  initializeAuth,
  signInWithPopup,
  type Auth,
  type User,
} from "firebase/auth";
import type { PublicConfig } from "@/lib/config/env";

let auth: Auth | undefined;

export function getFirebaseAuth(config: PublicConfig): Auth {
  if (auth) return auth;
  const app =
    getApps()[0] ??
    initializeApp({
      apiKey: config.firebase.apiKey,
      projectId: config.firebase.projectId,
      authDomain: config.firebase.authDomain,
    });
  // No popupRedirectResolver here: it would load Google's iframe script on every page; the popup brings its own.
  auth = initializeAuth(app, { persistence: inMemoryPersistence });
  if (config.firebase.authEmulatorUrl)
    connectAuthEmulator(auth, config.firebase.authEmulatorUrl, { disableWarnings: true });
  return auth;
}

export async function signInWithGoogle(config: PublicConfig): Promise<User> {
  try {
    const result = await signInWithPopup(
      getFirebaseAuth(config),
      new GoogleAuthProvider(),
      browserPopupRedirectResolver,
    );
    return result.user;
  } catch (error) {
    // The popup needs Google's iframe script (apis.google.com) even with the Auth emulator.
    if (
      error instanceof FirebaseError &&
      (error.code === "auth/internal-error" || error.code === "auth/network-request-failed")
    ) {
      throw new Error(
        "Google sign-in could not start: it needs a connection to Google. Use email and password instead, or try again later.",
      );
    }
    throw error;
  }
}

const AUTH_MESSAGES: Record<string, string> = {
  "auth/email-already-in-use": "An account with this email already exists. Sign in instead.",
  "auth/invalid-email": "Enter a valid email address.",
  "auth/missing-email": "Enter your email address.",
  "auth/missing-password": "Enter your password.",
  "auth/weak-password": "Choose a stronger password (at least 8 characters).",
  "auth/invalid-credential": "Wrong email or password.",
  "auth/wrong-password": "Wrong email or password.",
  "auth/user-not-found": "Wrong email or password.",
  "auth/user-disabled": "This account has been disabled.",
  "auth/too-many-requests": "Too many attempts. Wait a moment and try again.",
  "auth/network-request-failed": "Could not reach the sign-in service. Check your connection and try again.",
  "auth/popup-closed-by-user": "The Google sign-in window was closed before finishing.",
  "auth/cancelled-popup-request": "The Google sign-in window was closed before finishing.",
  "auth/popup-blocked": "The browser blocked the Google sign-in window. Allow pop-ups for this site and try again.",
  "auth/account-exists-with-different-credential": "This email is already used with another sign-in method.",
  "auth/expired-action-code": "This link has expired. Ask for a new one.",
  "auth/invalid-action-code": "This link is not valid any more (it may have been used already). Ask for a new one.",
};

/** A sentence for the person, whatever the Firebase SDK threw. */
export function describeAuthError(error: unknown): string {
  if (error instanceof FirebaseError)
    return AUTH_MESSAGES[error.code] ?? `Signing in failed (${error.code}). Please try again.`;
  if (error instanceof Error && error.message) return error.message;
  return "Signing in failed. Please try again.";
}

export function isFirebaseError(error: unknown, code: string): boolean {
  return error instanceof FirebaseError && error.code === code;
}
