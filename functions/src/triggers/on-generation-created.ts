import { randomUUID } from "node:crypto";
import { onDocumentCreated } from "firebase-functions/v2/firestore";
import { GENERATIONS } from "../../../lib/generation/generation-job";
import { runGenerationJob } from "../../../lib/generation/run-generation-job";
import { getServices } from "../../../lib/services";

/**
 * A new generation job runs in the instance the Firestore trigger starts. If that
 * instance dies, its lease runs out and recoverGenerations takes the job over.
 */
export const onGenerationCreated = onDocumentCreated(
  { document: `${GENERATIONS.name}/{generationId}`, timeoutSeconds: 540, memory: "1GiB" },
  async (event) => {
    await runGenerationJob({
      services: getServices(),
      generationId: event.params.generationId,
      workerId: `function-${event.id}-${randomUUID()}`,
    });
  },
);
