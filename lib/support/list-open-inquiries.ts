import type { PageQuery } from "../pagination/cursor";
import { orderedPage } from "../pagination/ordered-page";
import type { Services } from "../services";
import { SUPPORT_INQUIRIES, type SupportInquiry } from "./support-inquiry";

export interface ListOpenInquiriesOptions {
  services: Services;
  page: PageQuery;
}

/** The staff inbox: inquiries waiting for an answer, the one waiting longest first. */
export async function listOpenInquiries(
  options: ListOpenInquiriesOptions,
): Promise<{ inquiries: ({ id: string } & SupportInquiry)[]; nextCursor: string | null }> {
  const { docs, nextCursor } = await orderedPage({
    db: options.services.db,
    query: { collection: SUPPORT_INQUIRIES, where: [{ field: "status", op: "==", value: "open" }] },
    orderBy: { field: "createdAt", direction: "asc" },
    page: options.page,
  });
  return { inquiries: docs.map(({ id, data }) => ({ id, ...data })), nextCursor };
}
