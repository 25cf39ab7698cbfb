import { randomUUID } from "node:crypto";
import { z } from "zod";
import { AppError } from "../errors/app-error";
import { errorKey } from "../errors/error-messages";
import type { Services } from "../services";
import { humanText } from "../text/human-text";
import {
  isInventoryKind,
  PRIVACY_REQUEST_CHANNELS,
  PRIVACY_REQUEST_KINDS,
  privacyRequestDueAt,
  unworkedRequest,
  writePrivacyRequest,
  type PrivacyRequest,
} from "./privacy-request";

const contactText = z.string().trim().min(1).max(300);

export const recordPrivacyRequestInput = z.object({
  kind: z.enum(PRIVACY_REQUEST_KINDS),
  /** How it came; My page files its own (file-privacy-request.ts). */
  channel: z.enum(PRIVACY_REQUEST_CHANNELS).exclude(["my-page"]),
  /** When it arrived (the postmark or the mail's date), which the deadline runs from. */
  receivedAt: z.iso.datetime({ offset: true }),
  uid: z.string().min(1).max(128).nullable(),
  dataKind: z
    .string()
    .refine(isInventoryKind, { error: errorKey("privacy.unknownDataKind") })
    .nullable(),
  details: humanText({ field: "details", maxLength: 5000 }),
  requesterName: contactText,
  requesterContact: contactText,
  /** Set when an agent asked with the data subject's power of attorney (PIPA art. 38). */
  agentName: contactText.nullable(),
});

export interface RecordPrivacyRequestOptions {
  services: Services;
  input: unknown;
}

/**
 * Records a privacy request received outside My page (by email, by post, by phone, in
 * person, or from an agent with a power of attorney) for the staff queue, due 10 days
 * after it was received. Staff enter it; the staff console (issue 10) calls this.
 */
export async function recordPrivacyRequest(
  options: RecordPrivacyRequestOptions,
): Promise<{ id: string } & PrivacyRequest> {
  const { db, clock } = options.services;
  const input = recordPrivacyRequestInput.parse(options.input);
  const receivedAt = new Date(input.receivedAt).toISOString();
  if (receivedAt > clock.now().toISOString())
    throw new AppError("VALIDATION_FAILED", "validation.invalid", { fields: { receivedAt: "validation.invalid" } });
  const request: PrivacyRequest = {
    uid: input.uid,
    kind: input.kind,
    channel: input.channel,
    dataKind: input.dataKind,
    details: input.details,
    requesterName: input.requesterName,
    requesterContact: input.requesterContact,
    agentName: input.agentName,
    receivedAt,
    dueAt: privacyRequestDueAt(receivedAt),
    ...unworkedRequest(input.agentName),
  };
  const ids = { requestId: randomUUID(), restrictionId: randomUUID() };
  await db.runTransaction(async (tx) => writePrivacyRequest(tx, ids, request));
  return { id: ids.requestId, ...request };
}
