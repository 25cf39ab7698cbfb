import { AppError } from "../errors/app-error";
import { PRIVACY_REQUESTS } from "../privacy/privacy-request";
import type { Services } from "../services";
import { SUPPORT_INQUIRIES } from "../support/support-inquiry";

/** The member a privacy request concerns, for the access log (null while not matched to one). */
export async function privacyRequestOwner(options: { services: Services; requestId: string }): Promise<string | null> {
  const request = await options.services.db.get(PRIVACY_REQUESTS, options.requestId);
  if (!request) throw new AppError("NOT_FOUND", "privacy.requestNotFound");
  return request.data.uid;
}

/** The member who sent an inquiry, for the access log. */
export async function inquiryOwner(options: { services: Services; inquiryId: string }): Promise<string | null> {
  const inquiry = await options.services.db.get(SUPPORT_INQUIRIES, options.inquiryId);
  if (!inquiry) throw new AppError("NOT_FOUND", "support.inquiryNotFound");
  return inquiry.data.uid;
}
