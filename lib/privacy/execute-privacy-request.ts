import { z } from "zod";
import { changeName, changeNameInput } from "../accounts/change-name";
import { AppError } from "../errors/app-error";
import { memberAddress } from "../mail/deliver-mail-outbox";
import { mailRecipient } from "../mail/mail-recipient";
import type { MailMessage } from "../mail/mailer";
import { mailSite } from "../mail/templates/layout";
import { privacyRequestOutcomeMail } from "../mail/templates/privacy-request-outcome-mail";
import { DEFAULT_LOCALE } from "../i18n/locales";
import { errorFields, logger } from "../observability/logger";
import type { Services } from "../services";
import type { StaffActor } from "../staff/staff-actor";
import {
  assertWithdrawable,
  carryOutWithdrawal,
  withdrawalIdOf,
  writeWithdrawal,
  type WithdrawalOutcome,
} from "../withdrawal/withdraw-member";
import { isAgentUnverified, prepareClosing } from "./close-privacy-request";
import { isHeld, legalHoldKey } from "./legal-hold";
import {
  PRIVACY_REQUESTS,
  type PrivacyRequest,
  type PrivacyRequestAction,
  type PrivacyRequestKind,
} from "./privacy-request";
import { requestDataExport } from "./request-data-export";
import { setProcessingRestriction } from "./set-processing-restriction";

export const executePrivacyRequestInput = z.discriminatedUnion("action", [
  z.object({ action: z.literal("export") }),
  z.object({ action: z.literal("correct-name"), name: changeNameInput.shape.name }),
  z.object({ action: z.literal("restrict") }),
  z.object({ action: z.literal("object") }),
  z.object({ action: z.literal("delete") }),
]);

/** Which requests each action answers, so a slip in the console cannot delete an account asked to be read. */
const KINDS_ANSWERED: Record<PrivacyRequestAction, readonly PrivacyRequestKind[]> = {
  export: ["access", "portability"],
  "correct-name": ["correction"],
  restrict: ["restriction"],
  object: ["objection", "consent-withdrawal"],
  delete: ["deletion"],
};

export interface ExecutePrivacyRequestOptions {
  services: Services;
  actor: StaffActor;
  requestId: string;
  input: unknown;
}

export interface ExecutedPrivacyRequest {
  requestId: string;
  action: PrivacyRequestAction;
  /** True when this request had been carried out before: nothing was done again. */
  repeated: boolean;
  /**
   * Whether the member is told by mail: queued for every action but a deletion, which
   * is sent at once (the withdrawal erases the address); false when it could not be,
   * and staff must tell the requester by other means.
   */
  memberMailed: boolean;
  /** For a deletion: the withdrawal it started. */
  withdrawal: WithdrawalOutcome | null;
}

/**
 * Carries out a privacy request for the member, through the very use case My page
 * uses for it (export, name correction, restriction, objection, withdrawal), then
 * closes it as completed and tells the member. Refused for a request not matched to a
 * member, one whose agent is not verified, and an action that does not answer the
 * request's kind. Running it again after it was done does nothing again.
 */
export async function executePrivacyRequest(options: ExecutePrivacyRequestOptions): Promise<ExecutedPrivacyRequest> {
  const { services, actor, requestId } = options;
  const input = executePrivacyRequestInput.parse(options.input);
  const done = { requestId, action: input.action, repeated: true, memberMailed: false, withdrawal: null };
  const request = await services.db.get(PRIVACY_REQUESTS, requestId);
  if (!request) {
    // A deletion moves its own request into the legal hold with the rest of the member's records.
    const key = legalHoldKey(services.config);
    const held = await isHeld({ db: services.db, key, kind: "privacy-requests", id: requestId });
    if (held && input.action === "delete") return done;
    throw new AppError("NOT_FOUND", "privacy.requestNotFound");
  }
  if (request.data.status === "closed") {
    if (request.data.executedAction === input.action) return done;
    throw new AppError("INVALID_STATE", "privacy.requestClosed");
  }
  const uid = request.data.uid;
  if (uid === null) throw new AppError("INVALID_STATE", "privacy.requestNotMatched");
  if (isAgentUnverified(request.data)) throw new AppError("INVALID_STATE", "privacy.agentNotVerified");
  if (!KINDS_ANSWERED[input.action].includes(request.data.kind))
    throw new AppError("INVALID_STATE", "privacy.actionDoesNotFit");

  if (input.action === "delete") return deleteForMember({ services, actor, requestId, uid, request: request.data });

  switch (input.action) {
    case "export":
      await requestDataExport({ services, uid });
      break;
    case "correct-name":
      await changeName({ services, uid, input: { name: input.name } });
      break;
    case "restrict":
      await setProcessingRestriction({ services, uid, input: { kind: "restriction", active: true } });
      break;
    case "object":
      await setProcessingRestriction({ services, uid, input: { kind: "marketing-objection", active: true } });
      break;
  }
  // Each use case above changes nothing when repeated, so a crash before this close is
  // mended by running the request again.
  const closedNow = await services.db.runTransaction(async (tx) => {
    const again = await tx.get(PRIVACY_REQUESTS, requestId);
    if (!again || again.data.status === "closed") return false;
    const close = await prepareClosing(tx, again);
    close({
      actor,
      outcome: "completed",
      note: null,
      executedAction: input.action,
      now: services.clock.now(),
      mailMember: true,
    });
    return true;
  });
  return { requestId, action: input.action, repeated: !closedNow, memberMailed: closedNow, withdrawal: null };
}

interface DeleteForMemberOptions {
  services: Services;
  actor: StaffActor;
  requestId: string;
  uid: string;
  request: PrivacyRequest;
}

/**
 * A deletion is the member's withdrawal. The request is closed in the same commit that
 * records the withdrawal, so neither happens without the other; the outcome mail is
 * written before the address is erased and sent at once, as the withdrawal deletes the
 * member's queued mail with the rest.
 */
async function deleteForMember(options: DeleteForMemberOptions): Promise<ExecutedPrivacyRequest> {
  const { services, actor, requestId, uid } = options;
  const { db, clock } = services;
  const withdrawalId = withdrawalIdOf(services, uid);
  await assertWithdrawable(db, uid, withdrawalId);
  const mail = await outcomeMailBeforeDeletion(services, uid, options.request);
  const recorded = await db.runTransaction(async (tx) => {
    const again = await tx.get(PRIVACY_REQUESTS, requestId);
    if (!again || again.data.status === "closed") return null;
    const close = await prepareClosing(tx, again);
    const now = clock.now();
    const withdrawal = await writeWithdrawal(tx, { uid, withdrawalId, now });
    close({ actor, outcome: "completed", note: null, executedAction: "delete", now, mailMember: false });
    return withdrawal;
  });
  if (!recorded) return { requestId, action: "delete", repeated: true, memberMailed: false, withdrawal: null };
  let memberMailed = false;
  if (mail) {
    try {
      await services.mailer.send(mail);
      memberMailed = true;
    } catch (error) {
      logger.warn("privacy_request.outcome_mail_failed", { requestId, uid, ...errorFields(error) });
    }
  }
  const withdrawal = await carryOutWithdrawal(services, withdrawalId, recorded);
  return { requestId, action: "delete", repeated: false, memberMailed, withdrawal };
}

async function outcomeMailBeforeDeletion(
  services: Services,
  uid: string,
  request: PrivacyRequest,
): Promise<MailMessage | null> {
  const address = await memberAddress(services, uid, services.clock.now());
  if ("dropped" in address) return null;
  const recipient = await mailRecipient({ db: services.db, uid, to: address.email, fallbackLocale: DEFAULT_LOCALE });
  return privacyRequestOutcomeMail({
    recipient,
    site: mailSite(services.config),
    kind: request.kind,
    outcome: "completed",
    note: null,
    receivedAt: new Date(request.receivedAt),
    accountDeleted: true,
  });
}
