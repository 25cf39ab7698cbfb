/**
 * Carries out a withdrawal from its next step to the end. Each step finds what is left
 * of the member by uid and destroys it or moves it to the legal hold, so running a step
 * again (after a crash, or a second worker) finds nothing more to do; the record moves
 * to the next step only after a step has finished. What the steps destroy is every kind
 * the data inventory marks "delete" that names the member; what they move, every kind
 * it marks "pseudonymise-and-keep" (legal-hold.ts).
 */
import { addDays } from "../clock/clock";
import { CONSENT_RECORDS, MEMBERS } from "../accounts/members";
import {
  counterId,
  INQUIRIES_PER_ACCOUNT,
  RATE_LIMITS,
  PASSWORD_RESET_PER_ADDRESS,
  VERIFICATION_MAIL_PER_ACCOUNT,
} from "../abuse/rate-limit";
import { PROMPT_REFUSALS } from "../abuse/record-prompt-refusal";
import type { Collection, StoredRecord } from "../db/collection";
import type { Database, Filter } from "../db/database";
import { GENERATIONS } from "../generation/generation-job";
import { IDEMPOTENCY_KEYS } from "../idempotency/idempotency-key";
import { deleteImageFiles } from "../images/delete-image-files";
import { DATA_EXPORTS } from "../privacy/data-export";
import { PROCESSING_RESTRICTIONS } from "../privacy/processing-restriction";
import { IMAGES } from "../images/image-record";
import { MAIL_OUTBOX, passwordResetOutboxId, type MemberMailItem } from "../mail/mail-outbox";
import { MAIL_SUPPRESSIONS, mailSuppressionId } from "../mail/mail-suppression";
import { logger } from "../observability/logger";
import { HELD_KINDS, legalHoldKey } from "../privacy/legal-hold";
import type { Services } from "../services";
import { WITHDRAWAL_RECORD_DAYS, WITHDRAWAL_STEPS, WITHDRAWALS, type WithdrawalStep } from "./withdrawal";

const PAGE = 200;

// The outbox holds two variants; a query on the uid can only match member mail.
const MEMBER_MAIL = MAIL_OUTBOX as Collection<never> as Collection<MemberMailItem>;

/** Deletes, page by page, every document of the collection that matches. */
async function deleteWhere<T extends StoredRecord<T>>(
  db: Database,
  collection: Collection<T>,
  where: Filter<T>[],
): Promise<void> {
  for (;;) {
    const page = await db.query({ collection, where, limit: PAGE });
    if (page.length > 0) {
      const batch = db.batch();
      for (const { id } of page) batch.delete(collection, id);
      await batch.commit();
    }
    if (page.length < PAGE) return;
  }
}

type StepRunner = (services: Services, uid: string) => Promise<void>;

const STEPS: Record<WithdrawalStep, StepRunner> = {
  "disable-sign-in": (services, uid) => services.auth.disableUser(uid),
  "member-profile": async ({ db }, uid) => {
    await deleteWhere(db, CONSENT_RECORDS, [{ field: "uid", op: "==", value: uid }]);
    await deleteWhere(db, PROCESSING_RESTRICTIONS, [{ field: "uid", op: "==", value: uid }]);
    await db.runTransaction(async (tx) => tx.delete(MEMBERS, uid));
  },
  images: async ({ db, blobs }, uid) => {
    for (;;) {
      const page = await db.query({ collection: IMAGES, where: [{ field: "uid", op: "==", value: uid }], limit: PAGE });
      // Files first: a crash then leaves a record that is found again, never a file nobody can find.
      for (const { id, data } of page) {
        await deleteImageFiles(blobs, data.fileKey);
        await db.runTransaction(async (tx) => tx.delete(IMAGES, id));
      }
      if (page.length < PAGE) break;
    }
    // The data exports go with the images they hold: archive first, then its record.
    for (;;) {
      const page = await db.query({
        collection: DATA_EXPORTS,
        where: [{ field: "uid", op: "==", value: uid }],
        limit: PAGE,
      });
      for (const { id, data } of page) {
        if (data.fileKey) await blobs.delete(data.fileKey);
        await db.runTransaction(async (tx) => tx.delete(DATA_EXPORTS, id));
      }
      if (page.length < PAGE) return;
    }
  },
  generations: ({ db }, uid) => deleteWhere(db, GENERATIONS, [{ field: "uid", op: "==", value: uid }]),
  mail: async ({ db, auth }, uid) => {
    await deleteWhere(db, MEMBER_MAIL, [{ field: "uid", op: "==", value: uid }]);
    const email = (await auth.getUser(uid))?.email;
    if (email) await db.runTransaction(async (tx) => tx.delete(MAIL_OUTBOX, passwordResetOutboxId(email)));
  },
  "request-records": async ({ db, auth }, uid) => {
    await deleteWhere(db, IDEMPOTENCY_KEYS, [{ field: "uid", op: "==", value: uid }]);
    const email = (await auth.getUser(uid))?.email;
    const batch = db.batch();
    for (const rule of [VERIFICATION_MAIL_PER_ACCOUNT, PROMPT_REFUSALS, INQUIRIES_PER_ACCOUNT])
      batch.delete(RATE_LIMITS, counterId({ rule, key: uid }));
    if (email) {
      batch.delete(RATE_LIMITS, counterId({ rule: PASSWORD_RESET_PER_ADDRESS, key: email }));
      batch.delete(MAIL_SUPPRESSIONS, mailSuppressionId(email));
    }
    await batch.commit();
  },
  "legal-hold": async ({ db, config, clock }, uid) => {
    const key = legalHoldKey(config);
    for (const kind of HELD_KINDS) await kind.move({ db, key, uid, now: clock.now() });
  },
  "sign-in-account": (services, uid) => services.auth.deleteUser(uid),
};

export interface RunWithdrawalOptions {
  services: Services;
  withdrawalId: string;
}

export async function runWithdrawal(options: RunWithdrawalOptions): Promise<"done" | "not-found"> {
  const { db, clock } = options.services;
  const { withdrawalId } = options;
  const doc = await db.get(WITHDRAWALS, withdrawalId);
  if (!doc) return "not-found";
  const { uid, step } = doc.data;
  if (doc.data.status === "done" || uid === null || step === null) return "done";
  for (let index = WITHDRAWAL_STEPS.indexOf(step); index < WITHDRAWAL_STEPS.length; index++) {
    const current = WITHDRAWAL_STEPS[index] as WithdrawalStep;
    await STEPS[current](options.services, uid);
    const next = WITHDRAWAL_STEPS[index + 1];
    await db.runTransaction(async (tx) => {
      if (next) {
        tx.update(WITHDRAWALS, withdrawalId, { step: next });
        return;
      }
      const now = clock.now();
      tx.update(WITHDRAWALS, withdrawalId, {
        uid: null,
        status: "done",
        step: null,
        completedAt: now.toISOString(),
        expiresAt: addDays(now, WITHDRAWAL_RECORD_DAYS).toISOString(),
      });
    });
    logger.info("withdrawal.step_done", { withdrawalId, step: current });
  }
  logger.info("withdrawal.done", { withdrawalId });
  return "done";
}
