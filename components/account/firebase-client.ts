/**
 * The Firebase client SDK (firebase/auth), behind the functions the pages need, in
 * our own types: the only module that imports it, so the vendor's types and error
 * codes stop here (eslint.config.mjs refuses the import elsewhere). Initialised once
 * per page from the runtime config. The server's httpOnly session cookie is what
 * keeps a member signed in, so the SDK keeps its own state in memory only
 * (Firebase's advice for session cookies).
 */
import { FirebaseError, getApps, initializeApp } from "firebase/app";
import {
  applyActionCode,
  browserPopupRedirectResolver,
  confirmPasswordReset,
  connectAuthEmulator,
  createUserWithEmailAndPassword,
  GoogleAuthProvider,
  inMemoryPersistence,
  initializeAuth,
  signInWithEmailAndPassword,
  signInWithPopup,
  signOut,
  verifyPasswordResetCode,
  type Auth,
  type User,
} from "firebase/auth";
import type { PublicConfig } from "@/lib/config/env";

/** The person signed in to Firebase in this page. */
export interface SignedInUser {
  uid: string;
  email: string | null;
  displayName: string | null;
  /** A fresh ID token, to trade for the session cookie. */
  idToken(): Promise<string>;
}

/** The form field a sign-in problem is about, when it is about one. */
export type SignInField = "email" | "password";

/** Anything the sign-in service refused, with a sentence for the person. */
export class SignInError extends Error {
  readonly field: SignInField | null;

  constructor(message: string, field: SignInField | null) {
    super(message);
    this.name = "SignInError";
    this.field = field;
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

const AUTH_FIELDS: Record<string, SignInField> = {
  "auth/email-already-in-use": "email",
  "auth/invalid-email": "email",
  "auth/missing-email": "email",
  "auth/missing-password": "password",
  "auth/weak-password": "password",
};

function signInError(error: unknown): unknown {
  if (!(error instanceof FirebaseError)) return error;
  return new SignInError(
    AUTH_MESSAGES[error.code] ?? `Signing in failed (${error.code}). Please try again.`,
    AUTH_FIELDS[error.code] ?? null,
  );
}

/** Runs an SDK call, turning its errors into SignInErrors. */
async function translated<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw signInError(error);
  }
}

function signedInUser(user: User): SignedInUser {
  return {
    uid: user.uid,
    email: user.email,
    displayName: user.displayName,
    idToken: () => translated(() => user.getIdToken()),
  };
}

let auth: Auth | undefined;

function firebaseAuth(config: PublicConfig): Auth {
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

/** Who is signed in to Firebase in this page, if anyone. */
export function currentUser(config: PublicConfig): SignedInUser | null {
  const user = firebaseAuth(config).currentUser;
  return user ? signedInUser(user) : null;
}

export async function signInWithEmail(config: PublicConfig, email: string, password: string): Promise<SignedInUser> {
  const { user } = await translated(() => signInWithEmailAndPassword(firebaseAuth(config), email, password));
  return signedInUser(user);
}

/** Creates the sign-in account, signed in at once. */
export async function createEmailAccount(config: PublicConfig, email: string, password: string): Promise<SignedInUser> {
  const { user } = await translated(() => createUserWithEmailAndPassword(firebaseAuth(config), email, password));
  return signedInUser(user);
}

export async function signInWithGoogle(config: PublicConfig): Promise<SignedInUser> {
  try {
    const result = await signInWithPopup(firebaseAuth(config), new GoogleAuthProvider(), browserPopupRedirectResolver);
    return signedInUser(result.user);
  } catch (error) {
    // The popup needs Google's iframe script (apis.google.com) even with the Auth emulator.
    if (
      error instanceof FirebaseError &&
      (error.code === "auth/internal-error" || error.code === "auth/network-request-failed")
    ) {
      throw new SignInError(
        "Google sign-in could not start: it needs a connection to Google. Use email and password instead, or try again later.",
        null,
      );
    }
    throw signInError(error);
  }
}

/** Forgets the Firebase user in this page (the server session is ended by the API). */
export async function signOutOfFirebase(config: PublicConfig): Promise<void> {
  await translated(() => signOut(firebaseAuth(config)));
}

/** Confirms an email address with the code of a mailed link. */
export async function confirmEmailWithCode(config: PublicConfig, code: string): Promise<void> {
  await translated(() => applyActionCode(firebaseAuth(config), code));
}

/** The address a password-reset code is for; refuses an expired or used code. */
export async function passwordResetCodeEmail(config: PublicConfig, code: string): Promise<string> {
  return translated(() => verifyPasswordResetCode(firebaseAuth(config), code));
}

export async function resetPasswordWithCode(config: PublicConfig, code: string, newPassword: string): Promise<void> {
  await translated(() => confirmPasswordReset(firebaseAuth(config), code, newPassword));
}

/** A sentence for the person, whatever signing in threw. */
export function describeAuthError(error: unknown): string {
  const translatedError = signInError(error);
  if (translatedError instanceof Error && translatedError.message) return translatedError.message;
  return "Signing in failed. Please try again.";
}
