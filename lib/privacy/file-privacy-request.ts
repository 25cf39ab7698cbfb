import { randomUUID } from "node:crypto";
import { z } from "zod";
import { MEMBERS } from "../accounts/members";
import { AppError } from "../errors/app-error";
import { errorKey } from "../errors/error-messages";
import type { Services } from "../services";
import { humanText } from "../text/human-text";
import {
  isInventoryKind,
  PRIVACY_REQUEST_KINDS,
  privacyRequestDueAt,
  unworkedRequest,
  writePrivacyRequest,
  type PrivacyRequest,
} from "./privacy-request";

export const filePrivacyRequestInput = z.object({
  kind: z.enum(PRIVACY_REQUEST_KINDS),
  dataKind: z
    .string()
    .refine(isInventoryKind, { error: errorKey("privacy.unknownDataKind") })
    .nullable()
    .optional(),
  details: humanText({ field: "details", maxLength: 2000 }),
});

export interface FilePrivacyRequestOptions {
  services: Services;
  uid: string;
  input: unknown;
}

/**
 * A member's request for what My page cannot do alone (e.g. the correction of an order
 * record, or any other request), filed from My page for the staff queue with its legal
 * deadline. A correction names the kind of data said to be wrong, which stays disputed
 * (unused) until staff close the request.
 */
export async function filePrivacyRequest(options: FilePrivacyRequestOptions): Promise<{ id: string } & PrivacyRequest> {
  const { db, clock } = options.services;
  const input = filePrivacyRequestInput.parse(options.input);
  if (input.kind === "correction" && !input.dataKind)
    throw new AppError("VALIDATION_FAILED", "privacy.unknownDataKind", {
      fields: { dataKind: "privacy.unknownDataKind" },
    });
  const receivedAt = clock.now().toISOString();
  const request: PrivacyRequest = {
    uid: options.uid,
    kind: input.kind,
    channel: "my-page",
    dataKind: input.dataKind ?? null,
    details: input.details,
    requesterName: null,
    requesterContact: null,
    agentName: null,
    receivedAt,
    dueAt: privacyRequestDueAt(receivedAt),
    ...unworkedRequest(null),
  };
  const ids = { requestId: randomUUID(), restrictionId: randomUUID() };
  await db.runTransaction(async (tx) => {
    if (!(await tx.get(MEMBERS, options.uid))) throw new AppError("ACCOUNT_INCOMPLETE", "account.incomplete");
    writePrivacyRequest(tx, ids, request);
  });
  return { id: ids.requestId, ...request };
}
