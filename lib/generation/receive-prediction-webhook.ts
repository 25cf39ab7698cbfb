import { AppError } from "../errors/app-error";
import { logger } from "../observability/logger";
import type { Services } from "../services";
import { WEBHOOK_DELIVERIES, webhookDelivery, webhookDeliveryId } from "../webhooks/webhook-delivery";
import { GENERATIONS } from "./generation-job";
import { settlePrediction, type SettleOutcome } from "./settle-prediction";

export interface ReceivePredictionWebhookOptions {
  services: Services;
  headers: Headers;
  rawBody: Buffer;
}

/**
 * Replicate reports a prediction's completion. The signature is checked over the raw
 * body before anything in it is believed; of the body only the prediction id is used,
 * and the prediction is read again from Replicate. A delivery already handled (a
 * replay) changes nothing, and a prediction that is not ours is acknowledged and ignored.
 */
export async function receivePredictionWebhook(
  options: ReceivePredictionWebhookOptions,
): Promise<SettleOutcome | "replayed"> {
  const { services } = options;
  const provider = services.imageProviders.replicate;
  if (!provider)
    throw new AppError("FEATURE_DISABLED", "request.notFound", { diagnostic: "Replicate is not configured." });
  const webhook = provider.verifyWebhook(options.headers, options.rawBody, services.clock.now());
  const delivery = { provider: "replicate", id: webhook.deliveryId };
  const deliveryDoc = webhookDeliveryId(delivery.provider, delivery.id);
  if (await services.db.get(WEBHOOK_DELIVERIES, deliveryDoc)) return "replayed";

  const [job] = await services.db.query({
    collection: GENERATIONS,
    where: [{ field: "predictionIds", op: "array-contains", value: webhook.predictionId }],
    limit: 1,
  });
  if (!job) {
    logger.warn("webhook.unknown_prediction", { provider: delivery.provider, predictionId: webhook.predictionId });
    await services.db.runTransaction(async (tx) => {
      tx.set(WEBHOOK_DELIVERIES, deliveryDoc, webhookDelivery(delivery.provider, services.clock.now()));
    });
    return "unchanged";
  }
  const prediction = await provider.getPrediction(webhook.predictionId);
  return settlePrediction({
    services,
    generationId: job.id,
    prediction,
    download: (url) => provider.downloadOutput(url),
    delivery,
  });
}
