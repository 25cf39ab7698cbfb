import { randomUUID } from "node:crypto";
import { onSchedule } from "firebase-functions/v2/scheduler";
import { GENERATIONS } from "../../../lib/generation/generation-job";
import { pollWaitingGenerations } from "../../../lib/generation/poll-waiting-generations";
import { recoverStalledGenerations } from "../../../lib/generation/recover-stalled-generations";
import { runGenerationJob } from "../../../lib/generation/run-generation-job";
import { getServices } from "../../../lib/services";

/**
 * Every minute: jobs whose worker died go back to the queue (or are finished after
 * their last attempt), jobs waiting on a provider whose webhook is late are polled, and re-queued jobs are run again here, since a re-queue fires
 * no create trigger.
 */
export const recoverGenerations = onSchedule({ schedule: "every 1 minutes", timeoutSeconds: 540 }, async () => {
  const services = getServices();
  await recoverStalledGenerations({ services });
  await pollWaitingGenerations({ services });
  const queued = await services.db.query({
    collection: GENERATIONS,
    where: [{ field: "status", op: "==", value: "queued" }],
    orderBy: [{ field: "createdAt", direction: "asc" }],
    limit: 20,
  });
  await Promise.all(
    queued.map(({ id }) => runGenerationJob({ services, generationId: id, workerId: `recovery-${randomUUID()}` })),
  );
});
