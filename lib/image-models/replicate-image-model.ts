/**
 * The Replicate adapter, through the official `replicate` client: predictions of
 * official models (`POST /v1/models/{owner}/{name}/predictions`) that report back by
 * webhook. Replicate's types stop here: the rest of the code sees PredictionState.
 * Nothing about the member is sent: the input holds the prompt, the format, a seed and
 * the output format, and the webhook URL is the same fixed address for every job.
 */
import Replicate, { type ApiError, type Prediction } from "replicate";
import { AppError } from "../errors/app-error";
import {
  PredictionRefusedError,
  type PredictionImageModel,
  type PredictionRequest,
  type PredictionState,
  type PredictionStatus,
  type VerifiedPredictionWebhook,
} from "./prediction-image-model";
import { verifyReplicateWebhook } from "./replicate-webhook-signature";

export interface ReplicateImageModelOptions {
  apiToken: string;
  baseUrl: string;
  webhookSecret: string;
  /** Bounds each API call and each download. */
  timeoutMs: number;
}

/**
 * The models whose documented input has `num_outputs` (1 to 4) make several images in
 * one prediction; the others (FLUX1.1 [pro], SD 3.5 Large) make one and take no such field.
 */
const MAX_OUTPUTS: Readonly<Record<string, number>> = {
  "black-forest-labs/flux-schnell": 4,
  "black-forest-labs/flux-dev": 4,
};

/** Replicate's statuses in ours: `aborted` (stopped before it ran, e.g. past its deadline) delivers nothing, as a cancel. */
const STATUSES: Readonly<Record<Prediction["status"], PredictionStatus>> = {
  starting: "starting",
  processing: "processing",
  succeeded: "succeeded",
  failed: "failed",
  canceled: "canceled",
  aborted: "canceled",
};

function isApiError(error: unknown): error is ApiError {
  return error instanceof Error && error.name === "ApiError" && "response" in error;
}

/** An output is one URL or a list of them, depending on the model. */
function outputUrls(output: unknown): string[] {
  const values = Array.isArray(output) ? output : output === null || output === undefined ? [] : [output];
  return values.filter((value): value is string => typeof value === "string" && value.length > 0);
}

function toState(prediction: Prediction): PredictionState {
  const status = Object.hasOwn(STATUSES, prediction.status) ? STATUSES[prediction.status] : undefined;
  if (!status)
    throw new AppError("PROVIDER_FAILED", "service.imageModelFailed", {
      diagnostic: `Replicate answered prediction ${prediction.id} with an unknown status.`,
    });
  return {
    id: prediction.id,
    status,
    outputUrls: prediction.status === "succeeded" ? outputUrls(prediction.output) : [],
  };
}

function providerFailed(error: unknown, what: string): AppError {
  const status = isApiError(error) ? ` (HTTP ${error.response.status})` : "";
  return new AppError("PROVIDER_FAILED", "service.imageModelFailed", {
    diagnostic: `Replicate ${what} failed${status}.`,
  });
}

export class ReplicateImageModel implements PredictionImageModel {
  readonly kind = "prediction";
  private readonly client: Replicate;

  constructor(private readonly options: ReplicateImageModelOptions) {
    this.client = new Replicate({ auth: options.apiToken, baseUrl: options.baseUrl });
  }

  maxImagesPerPrediction(providerModel: string): number {
    return MAX_OUTPUTS[providerModel] ?? 1;
  }

  async startPrediction(request: PredictionRequest): Promise<PredictionState> {
    const input: Record<string, string | number> = {
      prompt: request.prompt,
      aspect_ratio: request.size,
      output_format: "png",
      seed: request.seed,
    };
    if (this.maxImagesPerPrediction(request.providerModel) > 1) input.num_outputs = request.count;
    try {
      const prediction = await this.client.predictions.create({
        model: request.providerModel,
        input,
        webhook: request.webhookUrl,
        webhook_events_filter: ["completed"],
        signal: AbortSignal.timeout(this.options.timeoutMs),
      });
      return toState(prediction);
    } catch (error) {
      if (isApiError(error) && error.response.status === 404)
        throw new PredictionRefusedError("model_unavailable", `Replicate has no model ${request.providerModel}.`);
      if (isApiError(error) && error.response.status === 422)
        throw new PredictionRefusedError("input_refused", `Replicate refused the input for ${request.providerModel}.`);
      if (isApiError(error) && [401, 402, 403].includes(error.response.status))
        throw new PredictionRefusedError(
          "provider_unavailable",
          `Replicate refused our account (HTTP ${error.response.status}).`,
        );
      throw providerFailed(error, "prediction create");
    }
  }

  async getPrediction(predictionId: string): Promise<PredictionState> {
    try {
      return toState(
        await this.client.predictions.get(predictionId, { signal: AbortSignal.timeout(this.options.timeoutMs) }),
      );
    } catch (error) {
      throw providerFailed(error, `read of prediction ${predictionId}`);
    }
  }

  async cancelPrediction(predictionId: string): Promise<PredictionState> {
    try {
      return toState(
        await this.client.predictions.cancel(predictionId, { signal: AbortSignal.timeout(this.options.timeoutMs) }),
      );
    } catch (error) {
      throw providerFailed(error, `cancel of prediction ${predictionId}`);
    }
  }

  /** Output URLs are public and short-lived: fetched without our token, which they do not need. */
  async downloadOutput(url: string): Promise<Buffer> {
    let response: Response;
    try {
      response = await fetch(url, { signal: AbortSignal.timeout(this.options.timeoutMs) });
    } catch (error) {
      throw providerFailed(error, "output download");
    }
    if (!response.ok)
      throw new AppError("PROVIDER_FAILED", "service.imageModelFailed", {
        diagnostic: `Replicate output download failed (HTTP ${response.status}).`,
      });
    return Buffer.from(await response.arrayBuffer());
  }

  verifyWebhook(headers: Headers, rawBody: Buffer, now: Date): VerifiedPredictionWebhook {
    const deliveryId = verifyReplicateWebhook({ secret: this.options.webhookSecret, headers, rawBody, now });
    let predictionId: unknown;
    try {
      predictionId = (JSON.parse(rawBody.toString("utf8")) as { id?: unknown }).id;
    } catch {
      predictionId = undefined;
    }
    if (typeof predictionId !== "string" || predictionId.length === 0)
      throw new AppError("MALFORMED_JSON", "request.bodyNotJson", {
        diagnostic: "A signed Replicate webhook without a prediction id.",
      });
    return { deliveryId, predictionId };
  }
}
