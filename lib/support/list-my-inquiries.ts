import type { PageQuery } from "../pagination/cursor";
import { newestFirstPage } from "../pagination/newest-first-page";
import type { Services } from "../services";
import { SUPPORT_INQUIRIES, type SupportInquiry } from "./support-inquiry";

export interface ListMyInquiriesOptions {
  services: Services;
  uid: string;
  page: PageQuery;
}

/** The member's own inquiries with their answers, newest first (My page). */
export async function listMyInquiries(
  options: ListMyInquiriesOptions,
): Promise<{ inquiries: ({ id: string } & SupportInquiry)[]; nextCursor: string | null }> {
  const { docs, nextCursor } = await newestFirstPage({
    db: options.services.db,
    query: { collection: SUPPORT_INQUIRIES, where: [{ field: "uid", op: "==", value: options.uid }] },
    page: options.page,
  });
  return { inquiries: docs.map(({ id, data }) => ({ id, ...data })), nextCursor };
}
