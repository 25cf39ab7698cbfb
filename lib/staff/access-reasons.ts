/**
 * Why a staff member looks at a member's data, stated each time and written into the
 * access log. Prompts and images are shown only for the reasons that need them.
 */
export const STAFF_ACCESS_REASONS = [
  "inquiry",
  "refund",
  "payment-issue",
  "privacy-request",
  "image-complaint",
  "legal-request",
] as const;

export type StaffAccessReason = (typeof STAFF_ACCESS_REASONS)[number];

/** A complaint about an image, or a lawful request, is about what was made: the rest is about the account. */
const REASONS_SHOWING_CONTENT: ReadonlySet<StaffAccessReason> = new Set(["image-complaint", "legal-request"]);

export function reasonShowsContent(reason: StaffAccessReason): boolean {
  return REASONS_SHOWING_CONTENT.has(reason);
}

export function isStaffAccessReason(value: unknown): value is StaffAccessReason {
  return (STAFF_ACCESS_REASONS as readonly unknown[]).includes(value);
}
