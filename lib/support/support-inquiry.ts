/**
 * A member's inquiry or complaint, sent from My page and answered by staff. These are
 * the records of consumer complaints and their handling that the e-commerce act keeps
 * for 3 years (data-inventory.ts).
 */
import { SUPPORT_INQUIRIES } from "../privacy/data-inventory";

export { SUPPORT_INQUIRIES };

export const INQUIRY_KINDS = ["inquiry", "complaint"] as const;
export type InquiryKind = (typeof INQUIRY_KINDS)[number];

/** Long enough for a full account of a problem, short enough to read in one sitting. */
export const INQUIRY_MAX_LENGTH = 4000;
export const ANSWER_MAX_LENGTH = 4000;

export interface SupportInquiry {
  uid: string;
  kind: InquiryKind;
  message: string;
  status: "open" | "answered";
  createdAt: string;
  answer: string | null;
  answeredAt: string | null;
  /** The staff member who answered. */
  answeredBy: string | null;
}
