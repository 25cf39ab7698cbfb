/** Cloud Functions (2nd gen): registration only; each trigger calls into lib/. */
export { onGenerationCreated } from "./triggers/on-generation-created";
export { recoverGenerations } from "./triggers/recover-generations";
export { deliverMail } from "./triggers/deliver-mail";
export { onMailQueued } from "./triggers/on-mail-queued";
export { purgeExpired } from "./triggers/purge-expired";
export { expireUnpaidOrders } from "./triggers/expire-orders";
export { resumeProcessingRefunds } from "./triggers/resume-refunds";
export { resumeUnfinishedWithdrawals } from "./triggers/resume-withdrawals";
export { deleteUnfinishedSignUpAccounts } from "./triggers/delete-unfinished-sign-ups";
export { runDataExports } from "./triggers/data-exports";
