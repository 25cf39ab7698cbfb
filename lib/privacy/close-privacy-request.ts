import { AppError } from "../errors/app-error";
import type { Services } from "../services";
import { PROCESSING_RESTRICTIONS } from "./processing-restriction";
import { PRIVACY_REQUESTS } from "./privacy-request";

export interface ClosePrivacyRequestOptions {
  services: Services;
  requestId: string;
}

/**
 * Marks a request answered (staff, issue 10) and lifts the dispute its correction
 * started, in one transaction: the data is used again only once the request is closed.
 * Closing a closed request changes nothing.
 */
export async function closePrivacyRequest(options: ClosePrivacyRequestOptions): Promise<void> {
  const { db, clock } = options.services;
  const now = clock.now().toISOString();
  await db.runTransaction(async (tx) => {
    const request = await tx.get(PRIVACY_REQUESTS, options.requestId);
    if (!request) throw new AppError("NOT_FOUND", "request.notFound");
    if (request.data.status === "closed") return;
    const disputes =
      request.data.uid === null
        ? []
        : await tx.query({
            collection: PROCESSING_RESTRICTIONS,
            where: [{ field: "uid", op: "==", value: request.data.uid }],
          });
    tx.update(PRIVACY_REQUESTS, options.requestId, { status: "closed", closedAt: now });
    for (const dispute of disputes)
      if (dispute.data.requestId === options.requestId && dispute.data.liftedAt === null)
        tx.update(PROCESSING_RESTRICTIONS, dispute.id, { liftedAt: now });
  });
}
