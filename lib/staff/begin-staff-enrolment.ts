import QRCode from "qrcode";
import { AppError } from "../errors/app-error";
import type { Services } from "../services";
import {
  decryptTotpSecret,
  encryptTotpSecret,
  newTotpSecret,
  STAFF_SECOND_FACTORS,
  staffTotpKey,
  totpUri,
} from "./second-factor";
import type { StaffActor } from "./staff-actor";

export interface BeginStaffEnrolmentOptions {
  services: Services;
  actor: StaffActor;
}

export interface StaffEnrolment {
  /** Base32, shown as text beside the QR code for apps that take it typed. */
  secret: string;
  /** The otpauth:// URI as an SVG QR code, made on the server. */
  qrSvg: string;
}

/**
 * The secret a staff member's authenticator app is to hold, until the first code from
 * it finishes the enrolment (confirm-staff-enrolment.ts). Showing the page again shows
 * the same secret, so a reload does not undo a scan.
 */
export async function beginStaffEnrolment(options: BeginStaffEnrolmentOptions): Promise<StaffEnrolment> {
  const { services, actor } = options;
  const key = staffTotpKey(services.config);
  const now = services.clock.now().toISOString();
  const stored = await services.db.runTransaction(async (tx) => {
    const factor = (await tx.get(STAFF_SECOND_FACTORS, actor.uid))?.data;
    if (factor?.enrolledAt) throw new AppError("INVALID_STATE", "staff.alreadyEnrolled");
    if (factor) return factor.secret;
    const secret = encryptTotpSecret(key, newTotpSecret(), actor.uid);
    tx.create(STAFF_SECOND_FACTORS, actor.uid, {
      staffUid: actor.uid,
      secret,
      enrolledAt: null,
      lastTimeStep: null,
      recoveryCodeHashes: [],
      updatedAt: now,
    });
    return secret;
  });
  const secret = decryptTotpSecret(key, stored, actor.uid);
  const label = (await services.auth.getUser(actor.uid))?.email ?? actor.uid;
  const qrSvg = await QRCode.toString(totpUri(secret, label), { type: "svg", errorCorrectionLevel: "M", margin: 2 });
  return { secret, qrSvg };
}
