import { randomUUID } from "node:crypto";
import { z } from "zod";
import { countRateLimitedUse, INQUIRIES_PER_ACCOUNT } from "../abuse/rate-limit";
import { MEMBERS } from "../accounts/members";
import { AppError } from "../errors/app-error";
import type { Services } from "../services";
import { humanText } from "../text/human-text";
import { INQUIRY_KINDS, INQUIRY_MAX_LENGTH, SUPPORT_INQUIRIES, type SupportInquiry } from "./support-inquiry";

export const sendInquiryInput = z.object({
  kind: z.enum(INQUIRY_KINDS),
  message: humanText({ field: "message", maxLength: INQUIRY_MAX_LENGTH }),
});

export interface SendInquiryOptions {
  services: Services;
  uid: string;
  input: unknown;
}

/**
 * A member's inquiry or complaint from My page, for the staff inbox; at most
 * INQUIRIES_PER_ACCOUNT a day (RATE_LIMITED past it, nothing stored).
 */
export async function sendInquiry(options: SendInquiryOptions): Promise<{ id: string } & SupportInquiry> {
  const { db, clock } = options.services;
  const input = sendInquiryInput.parse(options.input);
  const now = clock.now();
  const id = randomUUID();
  const inquiry: SupportInquiry = {
    uid: options.uid,
    kind: input.kind,
    message: input.message,
    status: "open",
    createdAt: now.toISOString(),
    answer: null,
    answeredAt: null,
    answeredBy: null,
  };
  await db.runTransaction(async (tx) => {
    if (!(await tx.get(MEMBERS, options.uid))) throw new AppError("ACCOUNT_INCOMPLETE", "account.incomplete");
    const count = await countRateLimitedUse(tx, { uses: [{ rule: INQUIRIES_PER_ACCOUNT, key: options.uid }], now });
    count();
    tx.create(SUPPORT_INQUIRIES, id, inquiry);
  });
  return { id, ...inquiry };
}
