/**
 * Firebase Auth through firebase-admin. Locally it talks to the Auth emulator
 * (FIREBASE_AUTH_EMULATOR_HOST); in production to Firebase. Vendor types stop here.
 */
import { getAuth, type Auth, type UserRecord } from "firebase-admin/auth";
import { AppError } from "../errors/app-error";
import { firebaseAdminApp } from "../firebase/admin-app";
import type { AuthGateway, AuthUserRecord, VerifiedUser } from "./auth-gateway";

function toRecord(user: UserRecord): AuthUserRecord {
  return { uid: user.uid, email: user.email ?? null, emailVerified: user.emailVerified };
}

function isNotFound(error: unknown): boolean {
  return (error as { code?: string }).code === "auth/user-not-found";
}

function oobCode(link: string): string {
  const code = new URL(link).searchParams.get("oobCode");
  if (!code) throw new AppError("INTERNAL", "Firebase returned an action link without a code.");
  return code;
}

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
    } catch {
      throw new AppError("UNAUTHENTICATED", "The session is invalid, expired or revoked. Sign in again.");
    }
  }

  verifyIdToken(idToken: string): Promise<VerifiedUser> {
    return this.verify(() => this.auth.verifyIdToken(idToken, true));
  }

  async createSessionCookie(idToken: string, expiresInMs: number): Promise<string> {
    try {
      return await this.auth.createSessionCookie(idToken, { expiresIn: expiresInMs });
    } catch {
      throw new AppError("UNAUTHENTICATED", "The sign-in token is invalid or expired.");
    }
  }

  verifySessionCookie(cookie: string): Promise<VerifiedUser> {
    return this.verify(() => this.auth.verifySessionCookie(cookie, true));
  }

  async revokeSessions(uid: string): Promise<void> {
    await this.auth.revokeRefreshTokens(uid);
  }

  async getUser(uid: string): Promise<AuthUserRecord | null> {
    try {
      return toRecord(await this.auth.getUser(uid));
    } catch (error) {
      if (isNotFound(error)) return null;
      throw error;
    }
  }

  async findUserByEmail(email: string): Promise<AuthUserRecord | null> {
    try {
      return toRecord(await this.auth.getUserByEmail(email));
    } catch (error) {
      if (isNotFound(error)) return null;
      throw error;
    }
  }

  async emailVerificationCode(email: string): Promise<string> {
    return oobCode(await this.auth.generateEmailVerificationLink(email));
  }

  async passwordResetCode(email: string): Promise<string> {
    return oobCode(await this.auth.generatePasswordResetLink(email));
  }
}
