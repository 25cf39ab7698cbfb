import type { Services } from "../services";
import { orderedPage } from "../pagination/ordered-page";
import type { PageQuery } from "../pagination/cursor";
import { PRIVACY_REQUESTS, type PrivacyRequest } from "./privacy-request";

export interface ListPrivacyRequestsOptions {
  services: Services;
  page: PageQuery;
}

export interface QueuedPrivacyRequest extends PrivacyRequest {
  id: string;
  /** Past its legal deadline and still open. */
  overdue: boolean;
}

/**
 * The staff queue: the open requests, the one due soonest first. Ordered by deadline,
 * the overdue ones (due before now) come before every one still within it.
 */
export async function listPrivacyRequests(
  options: ListPrivacyRequestsOptions,
): Promise<{ requests: QueuedPrivacyRequest[]; nextCursor: string | null }> {
  const { db, clock } = options.services;
  const now = clock.now().toISOString();
  const { docs, nextCursor } = await orderedPage({
    db,
    query: { collection: PRIVACY_REQUESTS, where: [{ field: "status", op: "==", value: "open" }] },
    orderBy: { field: "dueAt", direction: "asc" },
    page: options.page,
  });
  return {
    requests: docs.map(({ id, data }) => ({ id, ...data, overdue: data.dueAt < now })),
    nextCursor,
  };
}
