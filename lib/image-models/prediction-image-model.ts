/**
 * The asynchronous side of the image model port: a provider that takes a request,
 * answers at once with a prediction id and makes the images later (Replicate). The
 * job waits without holding a worker; the provider reports back by signed webhook, and
 * is asked again (polled) if that report is lost. Like ImageRequest, a prediction
 * request carries the prompt and nothing that identifies the member.
 */
import type { ImageFormat } from "../pricing/price-table";

export interface PredictionRequest {
  /** The provider's name for the model, from the price table. */
  providerModel: string;
  prompt: string;
  size: ImageFormat;
  /** How many images this one prediction makes: at most `maxImagesPerPrediction`. */
  count: number;
  seed: number;
  /** Where the provider reports completion. */
  webhookUrl: string;
}

export type PredictionStatus = "starting" | "processing" | "succeeded" | "failed" | "canceled";

export interface PredictionState {
  id: string;
  status: PredictionStatus;
  /** Where each finished image can be downloaded, briefly (Replicate deletes them after an hour). */
  outputUrls: string[];
}

export function isSettled(status: PredictionStatus): boolean {
  return status === "succeeded" || status === "failed" || status === "canceled";
}

/** Why the provider would not start a prediction; a job's error code when it fails for it. */
export type PredictionRefusal = "model_unavailable" | "input_refused" | "provider_unavailable";

export class PredictionRefusedError extends Error {
  constructor(
    readonly reason: PredictionRefusal,
    diagnostic: string,
  ) {
    super(diagnostic);
    this.name = "PredictionRefusedError";
  }
}

/** A webhook the provider signed: which delivery it is and which prediction it is about. */
export interface VerifiedPredictionWebhook {
  deliveryId: string;
  predictionId: string;
}

export interface PredictionImageModel {
  readonly kind: "prediction";
  /** The most images one prediction of this model makes (the model's documented num_outputs). */
  maxImagesPerPrediction(providerModel: string): number;
  /** Rejects with PredictionRefusedError, or any other error for a passing failure. */
  startPrediction(request: PredictionRequest): Promise<PredictionState>;
  getPrediction(predictionId: string): Promise<PredictionState>;
  /** Asks the provider to stop; gives the prediction as it stands afterwards. */
  cancelPrediction(predictionId: string): Promise<PredictionState>;
  /** Downloads one output while it still exists. */
  downloadOutput(url: string): Promise<Buffer>;
  /**
   * Checks the provider's signature over the raw body and its freshness; throws AppError
   * WEBHOOK_REJECTED when either fails, before anything in the body is believed.
   */
  verifyWebhook(headers: Headers, rawBody: Buffer, now: Date): VerifiedPredictionWebhook;
}
