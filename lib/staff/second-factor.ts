/**
 * The staff's second factor: a TOTP secret (RFC 6238, 30-second steps, 6 digits, as
 * authenticator apps make them) and ten one-time recovery codes. The secret is stored
 * encrypted with STAFF_TOTP_KEY (AES-256-GCM), a key configured apart from the data;
 * recovery codes only as hashes. A code is taken once: the step it matched is
 * remembered and no code of that step or an earlier one is taken again.
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { generateSecret, generateURI, verify } from "otplib";
import type { ServerConfig } from "../config/env";
import { STAFF_SECOND_FACTORS } from "../privacy/data-inventory";

export { STAFF_SECOND_FACTORS };

export interface StaffSecondFactor {
  staffUid: string;
  /** The TOTP secret, encrypted: base64 of IV, GCM tag and ciphertext. */
  secret: string;
  /** Null while the first code has not been entered: the enrolment is not finished. */
  enrolledAt: string | null;
  /** The time step of the last code taken; codes of it and earlier steps are refused. */
  lastTimeStep: number | null;
  /** SHA-256 hashes of the recovery codes not used yet. */
  recoveryCodeHashes: string[];
  updatedAt: string;
}

export const RECOVERY_CODE_COUNT = 10;
export const TOTP_ISSUER = "imagesfactory staff";

/** Local mode only (production refuses to start without STAFF_TOTP_KEY): never protects real secrets. */
const LOCAL_DEVELOPMENT_KEY = createHash("sha256").update("imagesfactory-local-development-staff-totp-key").digest();

export function staffTotpKey(config: Pick<ServerConfig, "STAFF_TOTP_KEY" | "APP_MODE">): Buffer {
  if (config.STAFF_TOTP_KEY) return Buffer.from(config.STAFF_TOTP_KEY, "base64");
  if (config.APP_MODE === "production") throw new Error("STAFF_TOTP_KEY is not set.");
  return LOCAL_DEVELOPMENT_KEY;
}

export function encryptTotpSecret(key: Buffer, secret: string, staffUid: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  // Bound to its owner: a secret copied onto another staff member's record does not decrypt.
  cipher.setAAD(Buffer.from(staffUid));
  const sealed = Buffer.concat([cipher.update(secret, "utf8"), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString("base64");
}

export function decryptTotpSecret(key: Buffer, stored: string, staffUid: string): string {
  const bytes = Buffer.from(stored, "base64");
  const decipher = createDecipheriv("aes-256-gcm", key, bytes.subarray(0, 12));
  decipher.setAAD(Buffer.from(staffUid));
  decipher.setAuthTag(bytes.subarray(12, 28));
  return Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString("utf8");
}

export function newTotpSecret(): string {
  return generateSecret();
}

export function totpUri(secret: string, label: string): string {
  return generateURI({ issuer: TOTP_ISSUER, label, secret });
}

/**
 * The time step the code matched (the current one, or one either side for a clock a
 * little off), or null when it matches none after `lastTimeStep`.
 */
export async function matchTotpCode(options: {
  secret: string;
  code: string;
  now: Date;
  lastTimeStep: number | null;
}): Promise<number | null> {
  if (!/^\d{6}$/.test(options.code)) return null;
  const result = await verify({
    secret: options.secret,
    token: options.code,
    epoch: Math.floor(options.now.getTime() / 1000),
    epochTolerance: 30,
    ...(options.lastTimeStep === null ? {} : { afterTimeStep: options.lastTimeStep }),
  });
  return result.valid && "timeStep" in result ? result.timeStep : null;
}

/** Ten groups of random letters and digits people can read aloud (no 0/O, 1/I/L). */
const RECOVERY_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

export function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const bytes = randomBytes(10);
    const chars = [...bytes].map((byte) => RECOVERY_ALPHABET[byte % RECOVERY_ALPHABET.length]).join("");
    return `${chars.slice(0, 5)}-${chars.slice(5)}`;
  });
}

/** Codes carry ~49 random bits each, beyond any guessing through a rate-limited form: a plain hash suffices. */
export function recoveryCodeHash(staffUid: string, code: string): string {
  const normalised = code.toUpperCase().replace(/[^0-9A-Z]/g, "");
  return createHash("sha256").update(`${staffUid}\u0000${normalised}`).digest("hex");
}

/** The index of the stored hash `code` matches, or -1. */
export function findRecoveryCode(stored: string[], staffUid: string, code: string): number {
  const candidate = Buffer.from(recoveryCodeHash(staffUid, code), "hex");
  return stored.findIndex((hash) => timingSafeEqual(Buffer.from(hash, "hex"), candidate));
}
