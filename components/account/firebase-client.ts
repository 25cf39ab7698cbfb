/**
 * The Firebase client SDK (firebase/auth), behind the functions the pages need, in
 * our own types: the only module that imports it, so the vendor's types and error
 * codes stop here (eslint.config.mjs refuses the import elsewhere). Initialised once
 * per page from the runtime config. The server's httpOnly session cookie is what
 * keeps a member signed in, so the SDK keeps its own state in memory only
 * (Firebase's advice for session cookies).
 */
import * as firebaseApp from "firebase/app";
import { FirebaseError, getApps, initializeApp, type FirebaseApp } from "firebase/app";
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
  verifyBeforeUpdateEmail,
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

/**
 * Why the sign-in service refused, in our own words: each reason has a sentence in
 * both languages (messages `account.authErrors.<reason>`), so the vendor's codes
 * never reach people.
 */
export type AuthErrorReason =
  | "emailInUse"
  | "invalidEmail"
  | "missingEmail"
  | "missingPassword"
  | "weakPassword"
  | "wrongCredentials"
  | "userDisabled"
  | "tooManyRequests"
  | "network"
  | "popupClosed"
  | "popupBlocked"
  | "otherSignInMethod"
  | "googleUnavailable"
  | "linkExpired"
  | "linkInvalid"
  | "unknown";

/** Anything the sign-in service refused: the reason to show, the field it is about, the vendor's code for support. */
export class SignInError extends Error {
  readonly reason: AuthErrorReason;
  readonly field: SignInField | null;
  readonly code: string;

  constructor(reason: AuthErrorReason, field: SignInField | null, code: string) {
    super(`Sign-in refused: ${code}`);
    this.name = "SignInError";
    this.reason = reason;
    this.field = field;
    this.code = code;
  }
}

const AUTH_REASONS: Record<string, AuthErrorReason> = {
  "auth/email-already-in-use": "emailInUse",
  "auth/invalid-email": "invalidEmail",
  "auth/missing-email": "missingEmail",
  "auth/missing-password": "missingPassword",
  "auth/weak-password": "weakPassword",
  "auth/invalid-credential": "wrongCredentials",
  "auth/wrong-password": "wrongCredentials",
  "auth/user-not-found": "wrongCredentials",
  "auth/user-disabled": "userDisabled",
  "auth/too-many-requests": "tooManyRequests",
  "auth/network-request-failed": "network",
  "auth/popup-closed-by-user": "popupClosed",
  "auth/cancelled-popup-request": "popupClosed",
  "auth/popup-blocked": "popupBlocked",
  "auth/account-exists-with-different-credential": "otherSignInMethod",
  "auth/expired-action-code": "linkExpired",
  "auth/invalid-action-code": "linkInvalid",
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
  return new SignInError(AUTH_REASONS[error.code] ?? "unknown", AUTH_FIELDS[error.code] ?? null, error.code);
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

/**
 * The SDK's "heartbeat" records in an IndexedDB database (firebase-heartbeat-database)
 * the days it was used, and sends them to Google as usage statistics: storage that is
 * not necessary for signing in, which a visitor has not consented to (privacy policy,
 * cookies). Replaced, before Auth starts, by one that keeps and sends nothing. It goes
 * through the SDK's internal component registry (exported, but left out of its public
 * types); should a release drop it, tests/e2e/privacy/cookie-consent.spec.ts sees the
 * database again.
 */
function withoutHeartbeatStorage(app: FirebaseApp): void {
  const register = (
    firebaseApp as unknown as { _addOrOverwriteComponent?: (app: FirebaseApp, component: object) => void }
  )._addOrOverwriteComponent;
  if (typeof register !== "function") return;
  const silentHeartbeat = { triggerHeartbeat: async () => {}, getHeartbeatsHeader: async () => "" };
  register(app, {
    name: "heartbeat",
    instanceFactory: () => silentHeartbeat,
    type: "PRIVATE",
    multipleInstances: false,
    serviceProps: {},
    instantiationMode: "LAZY",
    onInstanceCreated: null,
  });
}

function firebaseAuth(config: PublicConfig): Auth {
  if (auth) return auth;
  const app =
    getApps()[0] ??
    initializeApp({
      apiKey: config.firebase.apiKey,
      projectId: config.firebase.projectId,
      authDomain: config.firebase.authDomain,
    });
  withoutHeartbeatStorage(app);
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
      throw new SignInError("googleUnavailable", null, error.code);
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

/**
 * Asks the identity service to mail a link to `newEmail` that changes the address of
 * the member signed in with `email` and `password` (signing in again proves it is them;
 * the service also refuses the change without a recent sign-in). Nothing changes until
 * the link is followed, so the server only ever learns a confirmed address. The page's
 * Firebase user is forgotten afterwards: the session cookie keeps the member signed in.
 */
export async function requestEmailChange(
  config: PublicConfig,
  email: string,
  password: string,
  newEmail: string,
): Promise<void> {
  const auth = firebaseAuth(config);
  try {
    const { user } = await translated(() => signInWithEmailAndPassword(auth, email, password));
    await translated(() => verifyBeforeUpdateEmail(user, newEmail));
  } finally {
    await signOut(auth).catch(() => undefined);
  }
}

/** The SignInError for anything signing in threw, or null when it did not come from the sign-in service. */
export function asSignInError(error: unknown): SignInError | null {
  const translatedError = signInError(error);
  return translatedError instanceof SignInError ? translatedError : null;
}
