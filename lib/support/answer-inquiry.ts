import { z } from "zod";
import { AppError } from "../errors/app-error";
import { enqueueMail } from "../mail/mail-outbox";
import type { Services } from "../services";
import type { StaffActor } from "../staff/staff-actor";
import { humanText } from "../text/human-text";
import { ANSWER_MAX_LENGTH, SUPPORT_INQUIRIES, type SupportInquiry } from "./support-inquiry";

export const answerInquiryInput = z.object({ answer: humanText({ field: "answer", maxLength: ANSWER_MAX_LENGTH }) });

export interface AnswerInquiryOptions {
  services: Services;
  actor: StaffActor;
  inquiryId: string;
  input: unknown;
}

/**
 * Staff's answer to an inquiry: stored with who answered, shown on the member's My
 * page, and mailed to them in the same commit. The same answer again changes nothing;
 * a different one to an answered inquiry is refused (the record of handling stays as
 * it was).
 */
export async function answerInquiry(options: AnswerInquiryOptions): Promise<{ id: string } & SupportInquiry> {
  const { db, clock } = options.services;
  const { answer } = answerInquiryInput.parse(options.input);
  return db.runTransaction(async (tx) => {
    const inquiry = await tx.get(SUPPORT_INQUIRIES, options.inquiryId);
    if (!inquiry) throw new AppError("NOT_FOUND", "support.inquiryNotFound");
    if (inquiry.data.status === "answered") {
      if (inquiry.data.answer === answer) return { id: inquiry.id, ...inquiry.data };
      throw new AppError("INVALID_STATE", "support.alreadyAnswered");
    }
    const now = clock.now();
    const answered = {
      status: "answered" as const,
      answer,
      answeredAt: now.toISOString(),
      answeredBy: options.actor.uid,
    };
    tx.update(SUPPORT_INQUIRIES, inquiry.id, answered);
    enqueueMail(tx, { uid: inquiry.data.uid, template: "inquiry-answered", refId: inquiry.id, now });
    return { id: inquiry.id, ...inquiry.data, ...answered };
  });
}
