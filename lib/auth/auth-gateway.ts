import type { StaffRole } from "../staff/staff-actor";

/**
 * The identity port. Who a request acts for comes only from a token or session
 * cookie verified here, never from a body or query field.
 */
export interface VerifiedUser {
  uid: string;
  email: string | null;
  emailVerified: boolean;
  /** Seconds since the epoch when the user last signed in. */
  authTime: number;
}

export interface AuthUserRecord {
  uid: string;
  email: string | null;
  emailVerified: boolean;
  /** The staff role the account holds (a custom claim only the staff commands set), or null for everyone else. */
  staffRole: StaffRole | null;
  /** The Google account's id, for a user who signs in with Google. */
  googleId: string | null;
  /**
   * The name and picture Google sent with a Google sign-in, which the identity service
   * copies into its account (the sign-up form offers the name), until clearProfile.
   */
  googleProfile: { name: string | null; pictureUrl: string | null } | null;
}

/** One page of every user of the project, for sweeps over sign-ups. */
export interface AuthUserPage {
  users: (AuthUserRecord & { createdAt: Date })[];
  /** Absent on the last page. */
  nextPageToken: string | null;
}

/**
 * Every method rejects with AUTH_UNAVAILABLE when the identity service cannot be
 * reached or fails on its side: that is no verdict on the credential, so it must never
 * look like one (members would be sent to sign in during an outage).
 */
export interface AuthGateway {
  /** Verifies a Firebase ID token, refusing revoked ones. Rejects with UNAUTHENTICATED. */
  verifyIdToken(idToken: string): Promise<VerifiedUser>;
  createSessionCookie(idToken: string, expiresInMs: number): Promise<string>;
  /** Verifies a session cookie, refusing revoked ones. Rejects with UNAUTHENTICATED. */
  verifySessionCookie(cookie: string): Promise<VerifiedUser>;
  /** Ends every session of the user (sign-out everywhere): session cookies and ID tokens issued before now are refused. */
  revokeSessions(uid: string): Promise<void>;
  getUser(uid: string): Promise<AuthUserRecord | null>;
  findUserByEmail(email: string): Promise<AuthUserRecord | null>;
  /**
   * Removes the name and picture the identity service copied from a Google sign-in (it
   * copies them again at every Google sign-in). The member's name is the one they gave
   * at sign-up, kept in the member record. A user who is gone is no error.
   */
  clearProfile(uid: string): Promise<void>;
  /**
   * Marks the user's address as not confirmed (mail to it bounced or was reported as
   * spam): the member confirms it again through a new verification mail. A user who is
   * gone is no error.
   */
  unconfirmEmail(uid: string): Promise<void>;
  /**
   * Refuses every sign-in and ends every session of the user (a withdrawal under way),
   * keeping the account until deleteUser. A user who is gone is no error.
   */
  disableUser(uid: string): Promise<void>;
  /**
   * Makes an account with this address and no password (the person chooses one through
   * a password-reset code), or answers the account that has it.
   */
  ensureUser(email: string): Promise<AuthUserRecord>;
  /**
   * Gives the account a staff role, or takes it away (null), keeping its other claims.
   * Only the staff commands call this: no route may, so no member makes themselves staff.
   */
  setStaffRole(uid: string, role: StaffRole | null): Promise<void>;
  /** Deletes the sign-in account for good. A user who is gone is no error. */
  deleteUser(uid: string): Promise<void>;
  listUsers(pageToken: string | null): Promise<AuthUserPage>;
  /** The out-of-band code that confirms an email address. */
  emailVerificationCode(email: string): Promise<string>;
  /** The out-of-band code that lets the user choose a new password. */
  passwordResetCode(email: string): Promise<string>;
}
