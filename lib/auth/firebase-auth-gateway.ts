/**
 * Firebase Auth through firebase-admin. Locally it talks to the Auth emulator
 * (FIREBASE_AUTH_EMULATOR_HOST); in production to Firebase. Vendor types stop here.
 */
import { getAuth, type Auth, type UpdateRequest, type UserRecord } from "firebase-admin/auth";
import { AppError } from "../errors/app-error";
import type { ErrorMessageKey } from "../errors/error-messages";
import { firebaseAdminApp } from "../firebase/admin-app";
import { errorFields, logger } from "../observability/logger";
import type { StaffRole } from "../staff/staff-actor";
import type { AuthGateway, AuthUserPage, AuthUserRecord, VerifiedUser } from "./auth-gateway";

/** The custom claim that carries a staff role. */
const STAFF_CLAIM = "staff";

function staffRoleOf(claims: Record<string, unknown> | undefined): StaffRole | null {
  const role = claims?.[STAFF_CLAIM];
  return role === "support" || role === "admin" ? role : null;
}

const GOOGLE = "google.com";

function googleIdentity(user: UserRecord) {
  return user.providerData.find((provider) => provider.providerId === GOOGLE);
}

function toRecord(user: UserRecord): AuthUserRecord {
  const google = googleIdentity(user);
  // Firebase keeps Google's copy twice: on the account, and on its Google identity.
  const name = user.displayName ?? google?.displayName ?? null;
  const pictureUrl = user.photoURL ?? google?.photoURL ?? null;
  return {
    uid: user.uid,
    email: user.email ?? null,
    emailVerified: user.emailVerified,
    staffRole: staffRoleOf(user.customClaims),
    googleId: google?.uid ?? null,
    googleProfile: name === null && pictureUrl === null ? null : { name, pictureUrl },
  };
}

function codeOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" ? code : undefined;
}

/** The longest uid Firebase Auth takes. */
const MAX_UID_LENGTH = 128;

function isNotFound(error: unknown): boolean {
  return codeOf(error) === "auth/user-not-found";
}

/**
 * Firebase's verdicts on the credential itself: malformed, expired, revoked, or its
 * user gone or disabled. Signing in again is the remedy. Anything else (network
 * errors, Firebase's internal errors, quota) says nothing about the credential.
 */
const CREDENTIAL_REFUSED = new Set([
  "auth/argument-error",
  "auth/invalid-argument",
  "auth/invalid-id-token",
  "auth/id-token-expired",
  "auth/id-token-revoked",
  "auth/session-cookie-expired",
  "auth/session-cookie-revoked",
  "auth/user-not-found",
  "auth/user-disabled",
]);

/** Firebase could not be reached or failed on its side; the request itself may be fine. */
const SERVICE_FAILED = new Set([
  "app/network-error",
  "app/network-timeout",
  "app/internal-error",
  "auth/internal-error",
  "auth/quota-exceeded",
]);

/** An error that is not Firebase's verdict on the credential: the service is unavailable to us. */
function unavailable(error: unknown): AppError {
  logger.warn("auth.unavailable", errorFields(error));
  return new AppError("AUTH_UNAVAILABLE", "auth.unavailable");
}

/** A credential Firebase refused becomes UNAUTHENTICATED; any other failure AUTH_UNAVAILABLE. */
function credentialFailure(error: unknown, message: ErrorMessageKey): AppError {
  return CREDENTIAL_REFUSED.has(codeOf(error) ?? "") ? new AppError("UNAUTHENTICATED", message) : unavailable(error);
}

function oobCode(link: string): string {
  const code = new URL(link).searchParams.get("oobCode");
  if (!code)
    throw new AppError("INTERNAL", "service.internal", {
      diagnostic: "Firebase returned an action link without a code.",
    });
  return code;
}

/** Firebase's largest page. */
const LIST_USERS_PAGE_SIZE = 1000;

export class FirebaseAuthGateway implements AuthGateway {
  private readonly auth: Auth;

  constructor(projectId: string) {
    this.auth = getAuth(firebaseAdminApp(projectId));
  }

  private async verify(
    check: () => Promise<{ uid: string; email?: string; email_verified?: boolean; auth_time: number }>,
  ): Promise<VerifiedUser> {
    try {
      const token = await check();
      return {
        uid: token.uid,
        email: token.email ?? null,
        emailVerified: token.email_verified === true,
        authTime: token.auth_time,
      };
    } catch (error) {
      throw credentialFailure(error, "auth.sessionInvalid");
    }
  }

  verifyIdToken(idToken: string): Promise<VerifiedUser> {
    return this.verify(() => this.auth.verifyIdToken(idToken, true));
  }

  async createSessionCookie(idToken: string, expiresInMs: number): Promise<string> {
    try {
      return await this.auth.createSessionCookie(idToken, { expiresIn: expiresInMs });
    } catch (error) {
      throw credentialFailure(error, "auth.tokenInvalid");
    }
  }

  verifySessionCookie(cookie: string): Promise<VerifiedUser> {
    return this.verify(() => this.auth.verifySessionCookie(cookie, true));
  }

  async revokeSessions(uid: string): Promise<void> {
    await this.call(() => this.auth.revokeRefreshTokens(uid));
  }

  async getUser(uid: string): Promise<AuthUserRecord | null> {
    // Firebase refuses a uid that is empty or over 128 characters (auth/invalid-uid):
    // such a uid, typed into a look-up, names nobody.
    if (uid.length === 0 || uid.length > MAX_UID_LENGTH) return null;
    const user = await this.call(() => this.auth.getUser(uid), { notFound: null });
    return user && toRecord(user);
  }

  async findUserByEmail(email: string): Promise<AuthUserRecord | null> {
    const user = await this.call(() => this.auth.getUserByEmail(email), { notFound: null });
    return user && toRecord(user);
  }

  async clearProfile(uid: string): Promise<void> {
    const user = await this.call(() => this.auth.getUser(uid), { notFound: null });
    if (!user || toRecord(user).googleProfile === null) return;
    const update: UpdateRequest = { displayName: null, photoURL: null };
    const google = googleIdentity(user);
    // Linking the Google identity again, with only its id and address, replaces the copy
    // of Google's name and picture that Firebase keeps on it (updateUser has no other way
    // to change a provider's entry); sign-in with Google is unaffected.
    if (google?.displayName || google?.photoURL)
      update.providerToLink = { providerId: GOOGLE, uid: google.uid, ...(google.email ? { email: google.email } : {}) };
    await this.call(() => this.auth.updateUser(uid, update), { notFound: undefined });
  }

  async unconfirmEmail(uid: string): Promise<void> {
    await this.call(() => this.auth.updateUser(uid, { emailVerified: false }), { notFound: undefined });
  }

  async ensureUser(email: string): Promise<AuthUserRecord> {
    const existing = await this.findUserByEmail(email);
    if (existing) return existing;
    return toRecord(await this.call(() => this.auth.createUser({ email })));
  }

  async setStaffRole(uid: string, role: StaffRole | null): Promise<void> {
    const user = await this.call(() => this.auth.getUser(uid));
    const { [STAFF_CLAIM]: _previous, ...others } = user.customClaims ?? {};
    await this.call(() => this.auth.setCustomUserClaims(uid, role ? { ...others, [STAFF_CLAIM]: role } : others));
  }

  async disableUser(uid: string): Promise<void> {
    await this.call(() => this.auth.updateUser(uid, { disabled: true }), { notFound: undefined });
    await this.call(() => this.auth.revokeRefreshTokens(uid), { notFound: undefined });
  }

  async deleteUser(uid: string): Promise<void> {
    await this.call(() => this.auth.deleteUser(uid), { notFound: undefined });
  }

  async listUsers(pageToken: string | null): Promise<AuthUserPage> {
    const page = await this.call(() => this.auth.listUsers(LIST_USERS_PAGE_SIZE, pageToken ?? undefined));
    return {
      users: page.users.map((user) => ({ ...toRecord(user), createdAt: new Date(user.metadata.creationTime) })),
      nextPageToken: page.pageToken ?? null,
    };
  }

  async emailVerificationCode(email: string): Promise<string> {
    return oobCode(await this.call(() => this.auth.generateEmailVerificationLink(email)));
  }

  async passwordResetCode(email: string): Promise<string> {
    return oobCode(await this.call(() => this.auth.generatePasswordResetLink(email)));
  }

  /**
   * A management call: a missing user is `notFound` when the caller expects that, a
   * failure of Firebase itself is AUTH_UNAVAILABLE, and anything else (a request
   * Firebase refuses: a bug of ours, not an outage) passes through as it is.
   */
  private async call<T, M = never>(action: () => Promise<T>, options?: { notFound: M }): Promise<T | M> {
    try {
      return await action();
    } catch (error) {
      if (options && isNotFound(error)) return options.notFound;
      if (SERVICE_FAILED.has(codeOf(error) ?? "")) throw unavailable(error);
      throw error;
    }
  }
}
