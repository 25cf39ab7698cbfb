import type { PredictionImageModel } from "../image-models/prediction-image-model";
import { errorFields, logger } from "../observability/logger";
import type { Services } from "../services";
import { GENERATIONS } from "./generation-job";
import { pendingPredictionIds, settlePrediction } from "./settle-prediction";

export interface CancelPendingPredictionsOptions {
  services: Services;
  generationId: string;
  provider: PredictionImageModel;
}

/**
 * Asks the provider to stop every prediction the job still waits on, and settles each
 * with the answer: a canceled prediction releases its images, one that finished first
 * delivers them. A cancel that fails is left to the poll, which asks again.
 */
export async function cancelPendingPredictions(options: CancelPendingPredictionsOptions): Promise<void> {
  const { services, generationId, provider } = options;
  const doc = await services.db.get(GENERATIONS, generationId);
  if (!doc) return;
  for (const predictionId of pendingPredictionIds(doc.data, generationId)) {
    try {
      const prediction = await provider.cancelPrediction(predictionId);
      await settlePrediction({ services, generationId, prediction, download: (url) => provider.downloadOutput(url) });
    } catch (error) {
      logger.warn("generation.cancel_failed", { generationId, predictionId, ...errorFields(error) });
    }
  }
}
